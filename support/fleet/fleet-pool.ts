// Keeps the started fleet of this worker so the next scenario with the same spec reuses it after a verified
// reset, instead of booting containers again (ZKH_REUSE=0 turns reuse off). A reset that can't be
// verified falls back to a fresh fleet.
import { TimingProfile, scaleDeadline } from '../../containers/shared/timing-profile';
import { progress } from '../progress';
import { FleetSpec, specKey } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { buildFleet } from './fleet-builder';
import { restoreSteadyState } from './steady-state';
import { now } from '../../containers/shared/deadline';
import { History } from '../history/history';

export class FleetPool {
  private current: StartedFleet | undefined;
  private dirty = false;
  readonly resets: number[] = [];
  /** Every fleet this worker booted: how long until it was steady (the report's "fleet ready" trend). */
  readonly builds: { spec: string; fleetReadyMs: number; ensembleReadyMs: number }[] = [];

  constructor(
    private readonly timing: TimingProfile,
    private readonly reuse: boolean,
    private readonly build: (spec: FleetSpec, timing: TimingProfile) => Promise<StartedFleet> = buildFleet,
    private readonly restore: (fleet: StartedFleet, withinMs: number) => Promise<void> = restoreSteadyState,
  ) {}

  /** The fleet for `spec`, reset or fresh; the reset's operator writes go into `history`. */
  async acquire(spec: FleetSpec, history?: History): Promise<StartedFleet> {
    if (this.current && this.reuse && !this.dirty && specKey(this.current.spec) === specKey(spec)) {
      const startedAt = now();
      this.current.history = history;
      try {
        await this.restore(this.current, scaleDeadline(this.timing, 60_000));
        this.resets.push(now() - startedAt);
        progress(`reusing the fleet ${specKey(spec)} (reset verified in ${Math.round(now() - startedAt)} ms)`);
        return this.current;
      } catch (e) {
        progress(`reset of the fleet could not be verified (${(e as Error).message}); starting a fresh one`);
      }
    }
    await this.release();
    this.current = await this.build(spec, this.timing);
    const timings = this.current.timings ?? {};
    this.builds.push({ spec: specKey(spec), fleetReadyMs: Math.round(timings.fleetReadyMs ?? Number.NaN), ensembleReadyMs: Math.round(timings.ensembleReadyMs ?? Number.NaN) });
    this.current.history = history;
    this.dirty = false;
    return this.current;
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
