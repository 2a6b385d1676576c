// Faults are data: what was done, to whom, when it began and ended, and how to undo it. The log is the
// scenario's history of faults; `healAll()` undoes whatever is still active, newest first.
import { now } from '../../containers/shared/deadline';

export interface FaultRecord {
  /** The fault's number in its scenario, from 1: pairs its start and end in the history. */
  readonly id: number;
  /** The fault kind's name (support/faults/kinds/). */
  readonly kind: string;
  /** Faults of one family end together ("When the network heals" heals the network family). */
  readonly family: 'container' | 'network' | 'config' | 'disk' | 'clock';
  readonly targets: readonly string[];
  readonly params?: Readonly<Record<string, unknown>>;
  /** ms on the run clock (performance.now()). */
  readonly startedAtMs: number;
  endedAtMs: number | null;
  /**
   * When the harness itself was busy with this fault, [from, to] on the run clock: applying it (sidecars started
   * and the wait for it to show included) and healing it (verification included). The suite's overhead sums
   * their union, not the steps around them: a random schedule's quiet minutes are the scenario's, not ours.
   */
  readonly harnessSpans: [number, number][];
}

export interface ActiveFault {
  readonly record: FaultRecord;
  /** Undo; idempotent. */
  heal(): Promise<void>;
}

/** Told of every fault's start and end (the scenario's history records them as nemesis events). */
export type FaultListener = (phase: 'start' | 'end', record: FaultRecord) => void;

export interface RecordOptions {
  readonly params?: Record<string, unknown>;
  readonly family?: FaultRecord['family'];
  /** When it took effect, or applying it began when that is not known more exactly (performance.now()); default: now. */
  readonly startedAtMs?: number;
  /** When applying it began, if earlier than `startedAtMs` (a network fault: its sidecars start first). */
  readonly applyingFromMs?: number;
}

export class FaultLog {
  private readonly faults: ActiveFault[] = [];

  constructor(private readonly listener: FaultListener = () => undefined) {}

  /**
   * Records an applied fault with its inverse. `startedAtMs` is when applying it began (performance.now()):
   * a kill takes effect before the engine's call returns, so what failed meanwhile falls inside the fault.
   */
  record(kind: string, targets: readonly string[], heal: () => Promise<void | number>, options: RecordOptions = {}): ActiveFault {
    const startedAtMs = options.startedAtMs ?? now();
    const record: FaultRecord = { id: this.faults.length + 1, kind, family: options.family ?? 'container', targets, params: options.params, startedAtMs, endedAtMs: null,
      harnessSpans: [[Math.min(options.applyingFromMs ?? startedAtMs, startedAtMs), now()]] };
    let healed = false;
    const fault: ActiveFault = {
      record,
      heal: async () => {
        if (healed) return;
        // A heal may say when it took effect (a network heal: when the last rule went, before it was verified).
        const healingFromMs = now();
        const endedAtMs = await heal();
        record.harnessSpans.push([healingFromMs, now()]);
        healed = true;
        record.endedAtMs = typeof endedAtMs === 'number' ? endedAtMs : now();
        this.listener('end', record);
      },
    };
    this.faults.push(fault);
    this.listener('start', record);
    return fault;
  }

  /** A fault that is over when its step returns (a restart, a publish): from `options.startedAtMs` (or now) to now. */
  instant(kind: string, targets: readonly string[], options: RecordOptions = {}): void {
    const f = this.record(kind, targets, async () => undefined, options);
    f.record.endedAtMs = now();
    this.listener('end', f.record);
  }

  active(): ActiveFault[] {
    return this.faults.filter((f) => f.record.endedAtMs === null);
  }

  /** The still-active fault of this kind on this target, if any (for "is resumed" and friends). */
  find(kind: string, target: string): ActiveFault | undefined {
    return this.active().find((f) => f.record.kind === kind && f.record.targets.includes(target));
  }

  /** The target of the newest active fault of these kinds that a step began under this role phrase. */
  targetUnderRole(role: string, kinds: readonly string[]): string | undefined {
    return this.active().reverse().find((f) => kinds.includes(f.record.kind) && f.record.params?.role === role)?.record.targets[0];
  }

  history(): FaultRecord[] {
    return this.faults.map((f) => f.record);
  }

  /** Heals every active fault, newest first; keeps going after an error and reports all at the end. */
  async healAll(): Promise<void> {
    const errors: Error[] = [];
    for (const fault of this.active().reverse()) {
      await fault.heal().catch((e: Error) => errors.push(new Error(`${fault.record.kind} ${fault.record.targets.join(',')}: ${e.message}`, { cause: e })));
    }
    if (errors.length) throw new AggregateError(errors, `healing faults failed: ${errors.map((e) => e.message).join('; ')}`);
  }
}

/** The total length of a set of intervals, overlaps counted once. */
export function unionMs(spans: readonly (readonly [number, number])[]): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}
