// Where the record has holes. A checker may only call a history valid over spans some observation vouches
// for; elsewhere the honest verdict is 'unknown'. A polled observation vouches for its subject from its
// `sentAt` until the next one's `sentAt`; a watch vouches for what it read until it says it lost its connection.
import { HistoryEvent, Observation, OpEvent } from '../history/events';
import { Evidence } from './checker';

/** Longer than this between two observations of one subject (or after a watch lost its connection) is a gap. */
export const GAP_MS = 500;

export type PolledObserver = 'node-status' | 'gateway' | 'member-mode';
export type WatchObserver = 'registrations' | 'latch';

export interface Gap {
  readonly observer: string;
  /** The node, member, 'gateway' or the watched path's observer name. */
  readonly subject: string;
  readonly fromMs: number;
  readonly untilMs: number;
}

/** The field naming a polled observation's subject; the gateway is its own subject. */
const SUBJECT_KEY: Record<PolledObserver, 'node' | 'member' | null> = { 'node-status': 'node', 'member-mode': 'member', gateway: null };

function subjectOf(o: Observation, key: 'node' | 'member' | null): string {
  return key === null ? o.observer : String((o as unknown as Record<string, unknown>)[key]);
}

/** The history's last instant (0 for an empty history). */
export function historyEnd(history: readonly HistoryEvent[]): number {
  return history.length ? history[history.length - 1]!.t : 0;
}

/**
 * Gaps of a polled observer, per subject: between consecutive observations' `sentAt`, and from the last one's
 * `sentAt` to the history's end. A node that did not answer was still observed (its state is "not answering"),
 * so it is no gap. Nothing before a subject's first observation is counted (keep it simple: observers start
 * with the scenario).
 */
export function pollGaps(history: readonly HistoryEvent[], observer: PolledObserver, subjectKey = SUBJECT_KEY[observer]): Gap[] {
  const lastSent = new Map<string, number>();
  const gaps: Gap[] = [];
  for (const e of history) {
    if (e.kind !== 'observe' || e.observer !== observer) continue;
    const subject = subjectOf(e, subjectKey);
    const previous = lastSent.get(subject);
    if (previous !== undefined && e.sentAt - previous > GAP_MS) gaps.push({ observer, subject, fromMs: previous, untilMs: e.sentAt });
    lastSent.set(subject, Math.max(previous ?? e.sentAt, e.sentAt));
  }
  const end = historyEnd(history);
  for (const [subject, sent] of lastSent) if (end - sent > GAP_MS) gaps.push({ observer, subject, fromMs: sent, untilMs: end });
  return gaps.sort((a, b) => a.fromMs - b.fromMs);
}

/**
 * Gaps of a watch: from the first `lost` report to the next snapshot it read (or the history's end), when longer
 * than GAP_MS. Changes during a shorter outage are read again on reconnection, so they are tolerated.
 */
export function watchGaps(history: readonly HistoryEvent[], observer: WatchObserver): Gap[] {
  const gaps: Gap[] = [];
  let lostAt: number | null = null;
  for (const e of history) {
    if (e.kind !== 'observe' || e.observer !== observer) continue;
    if ('lost' in e) lostAt ??= e.t;
    else if (lostAt !== null) {
      if (e.t - lostAt > GAP_MS) gaps.push({ observer, subject: observer, fromMs: lostAt, untilMs: e.t });
      lostAt = null;
    }
  }
  const end = historyEnd(history);
  if (lostAt !== null && end - lostAt > GAP_MS) gaps.push({ observer, subject: observer, fromMs: lostAt, untilMs: end });
  return gaps;
}

/** Gaps that share any instant with [fromMs, untilMs]. */
export function gapsOverlapping(gaps: readonly Gap[], fromMs: number, untilMs: number): Gap[] {
  return gaps.filter((g) => g.fromMs <= untilMs && g.untilMs >= fromMs);
}

/** A gap as evidence for an 'unknown' verdict: the observer, the subject, the gap's start and length. */
export function gapEvidence(gap: Gap): Evidence {
  const length = Math.round(gap.untilMs - gap.fromMs);
  const detail = gap.observer === 'registrations' || gap.observer === 'latch'
    ? `the ${gap.observer} watch had no connection for ${length} ms from ${ms(gap.fromMs)}`
    : `no ${gap.observer} observation of ${gap.subject} for ${length} ms from ${ms(gap.fromMs)}`;
  return { atMs: gap.fromMs, untilMs: gap.untilMs, participants: [gap.subject], detail };
}

/** An operation as the record holds it: its invocation and, unless it never completed, its completion. */
export interface Operation {
  readonly invoke: OpEvent;
  readonly completion: OpEvent | null;
}

/** The operations of function `f` (optionally of one process), in invocation order, paired by id. */
export function operations(history: readonly HistoryEvent[], f: string, process?: string): Operation[] {
  const byId = new Map<number, { invoke: OpEvent; completion: OpEvent | null }>();
  for (const e of history) {
    if (e.kind !== 'op' || e.f !== f || (process !== undefined && e.process !== process)) continue;
    if (e.type === 'invoke') byId.set(e.id, { invoke: e, completion: null });
    else {
      const op = byId.get(e.id);
      if (op && !op.completion) op.completion = e;
    }
  }
  return [...byId.values()];
}

/** An instant on the history's clock, for details. */
export function ms(t: number): string {
  return `${Math.round(t)} ms`;
}
