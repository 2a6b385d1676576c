// One scenario's history: append-only, one clock (ms since the scenario's origin on performance.now()),
// typed events kept sorted by time. Observers, clients and the nemesis write into it; steps and checkers
// read it. Saved as NDJSON, one event per line, a header first, so checkers can be rerun offline.
import { performance } from 'node:perf_hooks';
import { HistoryEvent, HistoryHeader, OpEvent, OpType, Unstamped } from './events';

type Listener = (event: HistoryEvent) => void;

/** Completes an invoked operation: exactly once; later calls are ignored (a timeout raced the answer). */
export type Complete = (type: Exclude<OpType, 'invoke'>, value?: Record<string, unknown>) => void;

export class History {
  private readonly log: HistoryEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private nextOpId = 1;
  header: Omit<HistoryHeader, 'kind' | 't'> | undefined;

  constructor(readonly originMs: number = performance.now()) {}

  /** The history's clock: ms since its origin. */
  now(): number {
    return performance.now() - this.originMs;
  }

  /** A reading of performance.now() on the history's clock. */
  at(perfMs: number): number {
    return perfMs - this.originMs;
  }

  /** Appends an event stamped `t` (default: now). Kept sorted: an event stamped earlier goes where it belongs. */
  append<E extends HistoryEvent>(event: Unstamped<E>, t: number = this.now()): E {
    const stamped = { ...event, t } as unknown as E;
    let i = this.log.length;
    while (i > 0 && this.log[i - 1]!.t > t) i--;
    this.log.splice(i, 0, stamped);
    for (const listener of [...this.listeners]) listener(stamped);
    return stamped;
  }

  /** Records an invocation and returns the function that records its completion. */
  invoke(process: string, f: string, value?: Record<string, unknown>): Complete {
    const id = this.nextOpId++;
    this.append<OpEvent>({ kind: 'op', type: 'invoke', id, process, f, value });
    let done = false;
    return (type, completion) => {
      if (done) return;
      done = true;
      this.append<OpEvent>({ kind: 'op', type, id, process, f, value: completion ?? value });
    };
  }

  events(): readonly HistoryEvent[] {
    return this.log;
  }

  /** Called with every event appended from now on; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toNdjson(): string {
    const header: HistoryHeader = { kind: 'header', t: 0, scenario: '', feature: '', startedAt: '', observers: {}, nodes: [], members: [], gateway: false, ...this.header };
    return [header, ...this.log].map((e) => JSON.stringify(e)).join('\n') + '\n';
  }
}
