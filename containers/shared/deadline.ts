// Deadline-bounded observation. `eventually` polls a condition until it is true and measures when that
// happened; `holds` checks that a condition stays true for a span. No fixed sleeps stand in for a condition.
import { performance } from 'node:perf_hooks';
import { ConditionBrokenError, DeadlineExceededError } from './errors';

export interface Observation {
  readonly ok: boolean;
  /** What was seen, in words, for progress lines and failure messages. */
  readonly seen: string;
}

export type Condition = () => Promise<Observation>;

export interface Measurement {
  readonly what: string;
  readonly deadlineMs: number;
  /** From `sinceMs` (end of the last fault step) to the first observation that was true; null if never. */
  readonly measuredMs: number | null;
  readonly met: boolean;
  /** Start of the last probe that saw false, relative to `sinceMs`; null if the first probe was true. */
  readonly lastFalseMs: number | null;
  /** End of the first probe that saw true, relative to `sinceMs`. */
  readonly firstTrueMs: number | null;
  readonly lastSeen: string;
  readonly probes: number;
}

export interface EventuallyOptions {
  /** Clock reading (performance.now()) that measurements count from; defaults to the call. */
  readonly sinceMs?: number;
  readonly pollMs?: number;
  /** After a miss keep looking up to this factor of the deadline, so a miss still has a figure. */
  readonly overrunFactor?: number;
  /** Each probe is cut off after this long and counted as false. */
  readonly probeTimeoutMs?: number;
  /** Something that announces a change (a ZooKeeper watch): the next probe then runs at once. */
  readonly wake?: Wake;
}

export interface Wake {
  subscribe(listener: () => void): () => void;
}

export const now = (): number => performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function probe(condition: Condition, timeoutMs: number): Promise<Observation> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Observation>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, seen: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([
      condition().catch((e: unknown) => ({ ok: false, seen: `error: ${(e as Error).message ?? e}` })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Observe until the condition is true; never throws for a miss (see `requireMet`). */
export async function measure(what: string, condition: Condition, deadlineMs: number, options: EventuallyOptions = {}): Promise<Measurement> {
  const since = options.sinceMs ?? now();
  const pollMs = options.pollMs ?? 50;
  const probeTimeoutMs = options.probeTimeoutMs ?? 2000;
  const giveUpAt = since + deadlineMs * (options.overrunFactor ?? 2);
  let lastFalseMs: number | null = null;
  let lastSeen = 'nothing observed yet';
  let probes = 0;
  for (;;) {
    const startedAt = now();
    const observation = await probe(condition, probeTimeoutMs);
    const endedAt = now();
    probes++;
    lastSeen = observation.seen;
    if (observation.ok) {
      const firstTrueMs = endedAt - since;
      return { what, deadlineMs, measuredMs: firstTrueMs, met: firstTrueMs <= deadlineMs, lastFalseMs, firstTrueMs, lastSeen, probes };
    }
    lastFalseMs = startedAt - since;
    if (endedAt >= giveUpAt) {
      return { what, deadlineMs, measuredMs: null, met: false, lastFalseMs, firstTrueMs: null, lastSeen, probes };
    }
    await pause(Math.max(0, Math.min(pollMs - (endedAt - startedAt), giveUpAt - endedAt)), options.wake);
  }
}

/** Sleeps `ms`, or less if `wake` announces a change meanwhile. */
function pause(ms: number, wake: Wake | undefined): Promise<void> {
  if (!wake) return sleep(ms);
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = wake.subscribe(done);
  });
}

export function requireMet(m: Measurement): Measurement {
  if (m.met) return m;
  const seen = m.measuredMs === null ? m.lastSeen : `${m.lastSeen} (it became true only after ${Math.round(m.measuredMs)} ms)`;
  throw new DeadlineExceededError(m.what, m.deadlineMs, seen);
}

/** Wait until true within the deadline or throw; for setup steps that need no recording. */
export async function eventually(what: string, condition: Condition, deadlineMs: number, options: EventuallyOptions = {}): Promise<Measurement> {
  return requireMet(await measure(what, condition, deadlineMs, { overrunFactor: 1, ...options }));
}

/** The condition must be true at every probe for the whole span. */
export async function holds(what: string, condition: Condition, forMs: number, pollMs = 100): Promise<number> {
  const start = now();
  let probes = 0;
  for (;;) {
    const observation = await probe(condition, 2000);
    probes++;
    const elapsed = now() - start;
    if (!observation.ok) throw new ConditionBrokenError(what, elapsed, observation.seen);
    if (elapsed >= forMs) return probes;
    await sleep(Math.min(pollMs, forMs - elapsed));
  }
}

export interface RetryOptions {
  readonly withinMs: number;
  /** Pause between attempts. */
  readonly pauseMs?: number;
  /** Whether an error is worth another attempt; others are thrown at once. Default: every error. */
  readonly retryable?: (e: unknown) => boolean;
  /** The error to throw past the deadline (the last attempt's error becomes its `cause`); default: the last one. */
  readonly giveUp?: (last: unknown, attempts: number) => Error;
}

/** Tries `attempt` until it returns, for at most `withinMs`: the one retry loop of the harness. */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const giveUpAt = now() + options.withinMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (options.retryable && !options.retryable(e)) throw e;
      if (now() >= giveUpAt) {
        if (!options.giveUp) throw e;
        const error = options.giveUp(e, n);
        if (error.cause === undefined) Object.assign(error, { cause: e });
        throw error;
      }
      await sleep(Math.min(options.pauseMs ?? 100, Math.max(0, giveUpAt - now())));
    }
  }
}
