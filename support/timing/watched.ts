// Watch-driven observation: judge every snapshot a watch delivers, in order, instead of polling. The window
// of a measurement is then set by ZooKeeper's notifications, not by a poll interval (see children-cache.ts).
import { Measurement, Observation, now } from '../../containers/shared/deadline';

/** What a watch recipe delivers: a state read at a time, on a connection (`epoch`), after a notification. */
export interface TimedSnapshot {
  readonly epoch: number;
  readonly changedAtMs: number | null;
  readonly readStartMs: number;
  readonly readEndMs: number;
}

export interface WatchedSource<S extends TimedSnapshot> {
  snapshots(): readonly S[];
  subscribe(listener: (s: S) => void): () => void;
  /** When the connection of `epoch` was lost; null while it lasts. */
  epochEndedAt(epoch: number): number | null;
  /** The watch's own state, for a miss. */
  describe(): string;
  /** Lets the source replace a dead session while we wait. */
  follow(): void;
}

/** A condition judged on a watch's snapshots: where they come from, the judge, and what is watched. */
export interface WatchedCheck<S extends TimedSnapshot> {
  readonly source: WatchedSource<S>;
  readonly judge: (s: S) => Observation;
  readonly watching: string;
}

export interface WatchedMeasurement extends Measurement {
  /** How the deciding snapshot was observed, in words, for the report. */
  readonly observedBy: string;
}

export interface WatchedOptions {
  readonly sinceMs?: number;
  /** Judge from the state at this clock reading (the start of the fault), so a change that landed while the
   * fault step was still running is placed where it happened: before `sinceMs`, as a negative time. */
  readonly fromMs?: number;
  readonly overrunFactor?: number;
  /** What is watched, e.g. "/fleet/services/web", for `observedBy`. */
  readonly watching: string;
}

const FOLLOW_MS = 250;

/** The window a true snapshot gives, against the last false one before it (null: true from the first look). */
export function windowOf(lastFalse: TimedSnapshot | null, first: TimedSnapshot, sinceMs: number, epochEndedAt: (epoch: number) => number | null, watching: string, fromMs = sinceMs): { lastFalseMs: number | null; firstTrueMs: number; observedBy: string } {
  if (lastFalse === null) {
    return { lastFalseMs: null, firstTrueMs: Math.max(first.readEndMs, fromMs) - sinceMs, observedBy: `watch on ${watching}: already true at the first look` };
  }
  const firstTrueMs = first.readEndMs - sinceMs;
  if (first.epoch === lastFalse.epoch && first.changedAtMs !== null) {
    // Watched without a gap: unchanged until the notification arrived.
    return { lastFalseMs: Math.max(first.changedAtMs, lastFalse.readStartMs) - sinceMs, firstTrueMs, observedBy: `watch on ${watching}` };
  }
  // A reconnection in between: the old state was vouched for only until its connection was lost.
  const vouchedUntil = Math.max(epochEndedAt(lastFalse.epoch) ?? lastFalse.readEndMs, lastFalse.readStartMs);
  return { lastFalseMs: vouchedUntil - sinceMs, firstTrueMs, observedBy: `watch on ${watching}, across a reconnection` };
}

/** Index of the snapshot that was current at `sinceMs` (the last read by then), or 0. */
export function currentAt<S extends TimedSnapshot>(history: readonly S[], sinceMs: number): number {
  let index = 0;
  history.forEach((s, i) => {
    if (s.readEndMs <= sinceMs) index = i;
  });
  return index;
}

/**
 * Judges the state at `sinceMs` and then every later snapshot until one is true; never throws for a miss.
 * If the state at `sinceMs` is already true, the window is that of its last false→true change since `fromMs`.
 */
export function measureWatched<S extends TimedSnapshot>(what: string, source: WatchedSource<S>, judge: (s: S) => Observation, deadlineMs: number, options: WatchedOptions): Promise<WatchedMeasurement> {
  const since = options.sinceMs ?? now();
  const from = Math.min(options.fromMs ?? since, since);
  const giveUpAt = since + deadlineMs * (options.overrunFactor ?? 2);
  source.follow();
  const history = source.snapshots();
  const atSince = currentAt(history, since);
  const earliest = currentAt(history, from);
  // Already true at `since`: start from the last false state since `from`, so the change after it gives the window.
  let start = atSince;
  if (history[atSince] && safely(judge, history[atSince]).ok) {
    start = earliest;
    for (let i = atSince - 1; i >= earliest; i--) {
      if (!safely(judge, history[i]!).ok) {
        start = i;
        break;
      }
    }
  }
  const queue: S[] = history.slice(start);
  let lastFalse: S | null = null;
  let lastSeen = `nothing read yet by the ${source.describe()}`;
  let judged = 0;

  return new Promise<WatchedMeasurement>((resolve) => {
    let finished = false;
    const finish = (m: WatchedMeasurement) => {
      if (finished) return;
      finished = true;
      unsubscribe();
      clearTimeout(giveUp);
      clearInterval(follower);
      resolve(m);
    };
    const drain = () => {
      for (let s = queue.shift(); s && !finished; s = queue.shift()) {
        const observation = safely(judge, s);
        judged++;
        lastSeen = observation.seen;
        if (!observation.ok) {
          lastFalse = s;
          continue;
        }
        const w = windowOf(lastFalse, s, since, (e) => source.epochEndedAt(e), options.watching, from);
        // True before the fault step returned: recovered in no time, and the window says how early.
        const measuredMs = Math.max(0, w.firstTrueMs);
        finish({ what, deadlineMs, measuredMs, met: measuredMs <= deadlineMs, lastFalseMs: w.lastFalseMs, firstTrueMs: w.firstTrueMs, lastSeen, probes: judged, observedBy: w.observedBy });
      }
    };
    const unsubscribe = source.subscribe((s) => {
      queue.push(s);
      drain();
    });
    const giveUp = setTimeout(() => {
      const watchState = source.describe();
      finish({ what, deadlineMs, measuredMs: null, met: false, lastFalseMs: lastFalse === null ? null : lastFalse.readStartMs - since, firstTrueMs: null, lastSeen: `${lastSeen} (${watchState})`, probes: judged, observedBy: `watch on ${options.watching}` });
    }, Math.max(0, giveUpAt - now()));
    const follower = setInterval(() => source.follow(), FOLLOW_MS);
    drain();
  });
}

function safely<S>(judge: (s: S) => Observation, s: S): Observation {
  try {
    return judge(s);
  } catch (e) {
    return { ok: false, seen: `error: ${(e as Error).message ?? e}` };
  }
}
