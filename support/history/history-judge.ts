// Steps judge the history, not a fresh sample of their own:
// - `within`: replay the history from the start of the last fault and find the first instant the condition
//   holds at or after the fault step's end (keep following new events until twice the deadline);
// - "right now": judge only observations made after the step began (every polled subject seen again);
// - `for <span>`: the condition holds at every event of the span.
// All times given and returned here are on the performance.now() clock, like the rest of the harness.
import { History } from './history';
import { HistoryEvent } from './events';
import { FleetState } from './fleet-state';
import { StateJudge, Judgement } from './state-judges';
import { Measurement } from '../../containers/shared/deadline';
import { ConditionBrokenError } from '../../containers/shared/errors';

export interface HistoryMeasurement extends Measurement {
  readonly observedBy: string;
}

/** How an event was observed, in words, for the recovery report. */
function observedBy(e: HistoryEvent | null): string {
  if (!e || e.kind !== 'observe') return 'history';
  switch (e.observer) {
    case 'registrations': return 'history: watch on /fleet/services/web';
    case 'latch': return 'history: watch on /fleet/leader';
    case 'node-status': return 'history: /status every 50 ms';
    case 'gateway': return 'history: /gateway/status every 50 ms';
    case 'member-mode': return 'history: srvr every 100 ms';
  }
}

/** Which subject an observation is of: one node's /status, one member's mode, the gateway, a watch. */
function subjectOf(e: HistoryEvent): string | null {
  if (e.kind !== 'observe') return null;
  if (e.observer === 'node-status') return `node-status ${e.node}`;
  if (e.observer === 'member-mode') return `member-mode ${e.member}`;
  return e.observer;
}

/**
 * The last instant the deciding subject is known to have been in its old state: a watch vouches for its old
 * snapshot until it starts the read that the notification asked for; a poll only for the instant of its
 * previous answer (the change fell between that answer and this one).
 */
function lastKnownBefore(e: HistoryEvent, previousOfSubject: number | undefined): number {
  if (e.kind !== 'observe') return e.t;
  if (e.observer === 'registrations' || e.observer === 'latch') return e.sentAt;
  return previousOfSubject ?? e.sentAt;
}

function safely(judge: StateJudge, state: FleetState): Judgement {
  try {
    return judge(state);
  } catch (e) {
    return { ok: false, seen: `error: ${(e as Error).message ?? e}` };
  }
}

export interface WithinOptions {
  /** End of the last fault step (perf clock): the measurement counts from here. */
  readonly sinceMs: number;
  /** Start of the last fault step (perf clock): the replay starts from the state at this instant. */
  readonly fromMs?: number;
  readonly overrunFactor?: number;
}

/** The first instant the condition holds after the last fault; never throws for a miss (see requireMet). */
export function withinHistory(history: History, what: string, judge: StateJudge, deadlineMs: number, options: WithinOptions): Promise<HistoryMeasurement> {
  const since = history.at(options.sinceMs);
  const from = Math.min(history.at(options.fromMs ?? options.sinceMs), since);
  const giveUpAt = options.sinceMs + deadlineMs * (options.overrunFactor ?? 2);
  const state = new FleetState();
  const events = history.events();
  let i = 0;
  for (; i < events.length && events[i]!.t <= from; i++) state.apply(events[i]!);
  let current = safely(judge, state);
  // The window: the condition was last seen false at `lastFalse`, first seen true at `firstTrue`.
  let lastFalse: number | null = current.ok ? null : from;
  let firstTrue: number | null = current.ok ? from : null;
  let decidedBy: HistoryEvent | null = null;
  let lastSeen = current.seen;
  let judged = 1;
  const lastOfSubject = new Map<string, number>();
  for (const e of events.slice(0, i)) {
    const subject = subjectOf(e);
    if (subject) lastOfSubject.set(subject, e.t);
  }

  const step = (e: HistoryEvent) => {
    state.apply(e);
    const j = safely(judge, state);
    judged++;
    lastSeen = j.seen;
    const subject = subjectOf(e);
    const previousOfSubject = subject ? lastOfSubject.get(subject) : undefined;
    if (subject) lastOfSubject.set(subject, e.t);
    if (j.ok && firstTrue === null) {
      firstTrue = e.t;
      decidedBy = e;
      // The window is as wide as what the deciding observer can vouch for, never narrower.
      if (lastFalse !== null) lastFalse = Math.min(lastFalse, lastKnownBefore(e, previousOfSubject));
    } else if (!j.ok) {
      lastFalse = e.t;
      firstTrue = null;
    }
    current = j;
  };
  const result = (met: boolean | null): HistoryMeasurement => {
    const measured = firstTrue === null ? null : Math.max(0, firstTrue - since);
    return {
      what, deadlineMs, measuredMs: measured, met: met ?? (measured !== null && measured <= deadlineMs),
      lastFalseMs: lastFalse === null ? null : lastFalse - since, firstTrueMs: firstTrue === null ? null : firstTrue - since,
      lastSeen, probes: judged, observedBy: decidedBy ? observedBy(decidedBy) : firstTrue !== null ? 'history: already true when the fault began' : 'history',
    };
  };

  for (; i < events.length; i++) step(events[i]!);
  if (current.ok) return Promise.resolve(result(null));
  return new Promise((resolve) => {
    const finish = (m: HistoryMeasurement) => {
      unsubscribe();
      clearTimeout(timer);
      resolve(m);
    };
    const unsubscribe = history.subscribe((e) => {
      step(e);
      if (current.ok) finish(result(null));
    });
    const timer = setTimeout(() => finish(result(false)), Math.max(0, giveUpAt - performance.now()));
  });
}

/** Waits until every polled subject of the history has been observed again after `afterT` (history clock). */
export function freshState(history: History, afterT: number, timeoutMs = 2000): Promise<{ state: FleetState; stale: string[] }> {
  const subjects = polledSubjects(history);
  const seen = new Set<string>();
  const note = (e: HistoryEvent) => {
    const subject = e.kind === 'observe' && e.sentAt >= afterT ? subjectOf(e) : null;
    if (subject) seen.add(subject);
  };
  // Only the newest events can have been asked for after `afterT` (sentAt ≤ t, and the history is sorted by t);
  // later ones are noted as they come, so a long history is not scanned again on every event.
  const events = history.events();
  for (let i = events.length - 1; i >= 0 && events[i]!.t >= afterT; i--) note(events[i]!);
  const missing = () => subjects.filter((s) => !seen.has(s));
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve({ state: FleetState.of(history.events()), stale: missing() });
    };
    const unsubscribe = history.subscribe((e) => {
      note(e);
      if (missing().length === 0) done();
    });
    const timer = setTimeout(done, timeoutMs);
    if (missing().length === 0) done();
  });
}

function polledSubjects(history: History): string[] {
  const h = history.header;
  if (!h) return [];
  return [
    ...(h.observers['node-status'] ? h.nodes.map((n) => `node-status ${n}`) : []),
    ...(h.observers['member-mode'] ? h.members.map((m) => `member-mode ${m}`) : []),
    ...(h.gateway ? ['gateway'] : []),
  ];
}

/**
 * A "right now" assertion: judged on observations made after the step began, `rounds` times in a row (each
 * round waits for every polled subject to be seen again). Throws with what was seen when it does not hold.
 */
export async function judgeNow(history: History, what: string, judge: StateJudge, stepStartMs: number, rounds = 1): Promise<Judgement> {
  let after = history.at(stepStartMs);
  let j: Judgement = { ok: false, seen: 'nothing judged' };
  for (let round = 1; round <= rounds; round++) {
    const { state, stale } = await freshState(history, after);
    if (stale.length) throw new Error(`Cannot judge ${what}: no fresh observation of ${stale.join(', ')} within 2 s of the step's start.`);
    j = safely(judge, state);
    if (!j.ok) throw new Error(`Expected ${what}, but saw ${j.seen}${rounds > 1 ? ` (observation round ${round} of ${rounds})` : ''}.`);
    after = history.now();
  }
  return j;
}

/** The condition holds at every event of the history for `spanMs` from `startMs`; throws at the first break. */
export function holdsInHistory(history: History, what: string, judge: StateJudge, spanMs: number, startMs: number): Promise<number> {
  const start = history.at(startMs);
  const state = FleetState.of(history.events(), start);
  let judged = 0;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      unsubscribe();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(judged);
    };
    const check = (e: HistoryEvent | null) => {
      if (e) state.apply(e);
      const j = safely(judge, state);
      judged++;
      if (!j.ok) finish(new ConditionBrokenError(what, Math.max(0, (e?.t ?? start) - start), j.seen));
      return j.ok;
    };
    const unsubscribe = history.subscribe((e) => {
      if (e.t > start + spanMs) return finish();
      check(e);
    });
    const timer = setTimeout(() => finish(), Math.max(0, startMs + spanMs - performance.now()));
    if (!check(null)) return;
    // Events already recorded since the step began.
    for (const e of history.events()) if (e.t > start && !check(e)) return;
  });
}
