// Keeps the started fleet of this worker so the next scenario with the same spec reuses it after a verified
// reset, instead of booting containers again (ZKH_REUSE=0 turns reuse off); a spec of another shape around as
// many ZooKeeper members gets the fleet reshaped (fleet-reshape.ts). A reset or reshape that can't be verified
// falls back to a fresh fleet.
import { TimingProfile, scaleDeadline } from '../../containers/shared/timing-profile';
import { progress } from '../progress';
import { FleetSpec, specKey } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { buildFleet } from './fleet-builder';
import { reshapeFleet, reshapePlan } from './fleet-reshape';
import { restoreSteadyState, RestoreOutcome } from './steady-state';
import { now } from '../../containers/shared/deadline';
import { History } from '../history/history';

/** What the scenario before a reset left to undo: its faults by family, and the time its After hook spent healing them. */
export interface ScenarioLeftovers {
  readonly families: readonly string[];
  readonly healMs: number;
}

/**
 * A reset by what it undid (#18's goals differ): 'nothing'; 'network' (network or link faults healed);
 * 'container' (a member or node killed, stopped or paused, or brought back); 'other' (disk, clock).
 */
export type ResetKind = 'nothing' | 'network' | 'container' | 'other';

export interface ResetFigure {
  readonly kind: ResetKind;
  /** Healing what the scenario left (its After hook) plus restoring and verifying the steady state. */
  readonly ms: number;
  readonly healMs: number;
  readonly restoreMs: number;
}

const RESET_WORDS: Record<ResetKind, string> = { nothing: 'no fault', network: 'a network fault', container: 'a container fault', other: 'a disk or clock fault' };

export function resetKind(leftovers: ScenarioLeftovers | undefined, restored: RestoreOutcome): ResetKind {
  const families = leftovers?.families ?? [];
  if (restored.broughtBack.length || families.includes('container')) return 'container';
  if (families.includes('network')) return 'network';
  if (families.length && families.some((f) => f !== 'config')) return 'other';
  return 'nothing';
}

export class FleetPool {
  private current: StartedFleet | undefined;
  private dirty = false;
  private leftovers: ScenarioLeftovers | undefined;
  readonly resets: ResetFigure[] = [];
  /** Every fleet this worker turned into one of another shape around the same ensemble (fleet-reshape.ts). */
  readonly reshapes: { from: string; to: string; ms: number }[] = [];
  /** Every fleet this worker booted: how long until it was steady (the report's "fleet ready" trend). */
  readonly builds: { spec: string; fleetReadyMs: number; ensembleReadyMs: number }[] = [];

  constructor(
    private readonly timing: TimingProfile,
    private readonly reuse: boolean,
    private readonly build: (spec: FleetSpec, timing: TimingProfile) => Promise<StartedFleet> = buildFleet,
    private readonly restore: (fleet: StartedFleet, withinMs: number) => Promise<RestoreOutcome> = restoreSteadyState,
    private readonly reshape: (fleet: StartedFleet, spec: FleetSpec, timing: TimingProfile) => Promise<StartedFleet> = reshapeFleet,
  ) {}

  /** The fleet for `spec`, reset or fresh; the reset's operator writes go into `history`. */
  async acquire(spec: FleetSpec, history?: History): Promise<StartedFleet> {
    if (this.current && this.reuse && !this.dirty && specKey(this.current.spec) === specKey(spec)) {
      const startedAt = now();
      this.current.history = history;
      try {
        const restored = await this.restore(this.current, scaleDeadline(this.timing, 60_000));
        const restoreMs = now() - startedAt;
        const healMs = this.leftovers?.healMs ?? 0;
        const kind = resetKind(this.leftovers, restored);
        this.leftovers = undefined;
        this.resets.push({ kind, ms: Math.round(healMs + restoreMs), healMs: Math.round(healMs), restoreMs: Math.round(restoreMs) });
        const brought = restored.broughtBack.length ? `; brought back ${restored.broughtBack.join(', ')}` : '';
        const forgot = restored.forgotten?.length ? `; forgot ${restored.forgotten.length} znodes of dead sessions` : '';
        progress(`reusing the fleet ${specKey(spec)} (reset after ${RESET_WORDS[kind]}: healed in ${Math.round(healMs)} ms, steady state restored and verified in ${Math.round(restoreMs)} ms${brought}${forgot})`);
        return this.current;
      } catch (e) {
        progress(`reset of the fleet could not be verified (${(e as Error).message}); starting a fresh one`);
      }
    }
    const reshaping = this.current && this.reuse && !this.dirty && reshapePlan(this.current.spec, spec) ? this.current : undefined;
    if (reshaping) {
      this.current = undefined;
      this.leftovers = undefined;
      // The reshape's operator writes (the config forgotten) go into the new scenario's history, as a reset's do.
      reshaping.history = history;
      const startedAt = now();
      try {
        this.current = await this.reshape(reshaping, spec, this.timing);
        this.current.history = history;
        this.reshapes.push({ from: specKey(reshaping.spec), to: specKey(spec), ms: Math.round(now() - startedAt) });
        return this.current;
      } catch (e) {
        progress(`${(e as Error).message}; building a fresh fleet`);
      }
    }
    await this.release();
    this.leftovers = undefined;
    this.current = await this.build(spec, this.timing);
    const timings = this.current.timings ?? {};
    this.builds.push({ spec: specKey(spec), fleetReadyMs: Math.round(timings.fleetReadyMs ?? Number.NaN), ensembleReadyMs: Math.round(timings.ensembleReadyMs ?? Number.NaN) });
    this.current.history = history;
    this.dirty = false;
    return this.current;
  }

  /** What the scenario that used the fleet left to undo, told by its After hook: the next reset is judged by it. */
  noteLeftovers(leftovers: ScenarioLeftovers): void {
    this.leftovers = leftovers;
  }

  /** After a failed scenario the fleet is not trusted for reuse. */
  markDirty(): void {
    this.dirty = true;
  }

  peek(): StartedFleet | undefined {
    return this.current;
  }

  /** Forget without stopping (ZKH_KEEP=1 after a failure). */
  abandon(): void {
    this.current = undefined;
  }

  async release(): Promise<void> {
    const fleet = this.current;
    this.current = undefined;
    if (fleet) await fleet.stop();
  }
}
