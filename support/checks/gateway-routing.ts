// The gateway follows the registrations: it may keep sending to a node for BOUND_MS after that node's
// registration disappears (its watch needs time), never longer, and never to a node that was never registered.
// A request is judged by its start (invocation) and the backend that answered it; the registrations are the
// harness's own watch, so a snapshot is in force from its `t` until the next one.
import { HistoryEvent, RegistrationsObservation } from '../history/events';
import { Checker, CheckerVerdict, Evidence } from './checker';
import { gapEvidence, gapsOverlapping, Gap, ms, operations, watchGaps } from './observer-gaps';

/** How long after a registration disappears the gateway may still route to its node. */
export const BOUND_MS = 1000;
/**
 * The gateway's session and the harness's watch learn of a change separately (from different members, each
 * on its own notification): a registration the harness reads up to SKEW_MS after a request began may already
 * have been seen by the gateway. Measured: 5 ms apart on this machine; 250 ms leaves room for a loaded one.
 */
export const SKEW_MS = 250;

function snapshots(history: readonly HistoryEvent[]): RegistrationsObservation[] {
  return history.filter((e): e is RegistrationsObservation => e.kind === 'observe' && e.observer === 'registrations' && !('lost' in e));
}

/** Index of the snapshot in force at `t` (the latest with t ≤ it), or -1. */
function inForce(snaps: readonly RegistrationsObservation[], t: number): number {
  let lo = 0, hi = snaps.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (snaps[mid]!.t <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

const names = (s: RegistrationsObservation) => s.entries.map((e) => e.node);

export const gatewayRouting: Checker = {
  id: 'gateway-routing',
  describe: `The gateway never answers a request from a node that was never registered, nor from one whose registration was absent from every snapshot in force from ${BOUND_MS} ms before the request started to ${SKEW_MS} ms after (the two watches' skew).`,
  check(history): CheckerVerdict {
    const requests = operations(history, 'request', 'traffic').filter((r) => r.completion && r.completion.type !== 'info');
    const routed = requests.filter((r) => typeof r.completion!.value?.['backend'] === 'string');
    const snaps = snapshots(history);
    if (routed.length === 0 || snaps.length === 0) {
      return { invariant: this.id, valid: true, summary: `nothing to judge: ${routed.length === 0 ? 'no request with a known backend' : 'no registrations snapshot'}`, evidence: [] };
    }
    const everRegistered = new Set(snaps.flatMap(names));
    const gaps = watchGaps(history, 'registrations');
    const violations: Evidence[] = [];
    const unknownGaps = new Map<Gap, true>();
    let judged = 0, skipped = 0, unknown = 0;
    for (const r of routed) {
      const b = r.completion!.value!['backend'] as string, ts = r.invoke.t;
      const first = inForce(snaps, ts - BOUND_MS);
      if (first < 0) { skipped++; continue; } // the record does not reach back far enough
      const overlapping = gapsOverlapping(gaps, ts - BOUND_MS, ts + SKEW_MS);
      if (overlapping.length) { unknown++; for (const g of overlapping) unknownGaps.set(g, true); continue; }
      judged++;
      if (!everRegistered.has(b)) {
        violations.push({ atMs: ts, participants: [b], detail: `request #${r.invoke.id} started at ${ms(ts)} was answered by ${b}, which was never registered` });
        continue;
      }
      const last = inForce(snaps, ts + SKEW_MS);
      // A snapshot is in force up to and including the instant the next one is read: a request exactly
      // BOUND_MS after a registration disappeared is not "later than" the bound.
      const from = first > 0 && snaps[first]!.t === ts - BOUND_MS ? first - 1 : first;
      let present = false;
      for (let i = from; i <= last && !present; i++) present = names(snaps[i]!).includes(b);
      if (present) continue;
      // When did it go? The first snapshot without it after the last one with it (before the request).
      let lastWith = -1;
      for (let i = from; i >= 0 && lastWith < 0; i--) if (names(snaps[i]!).includes(b)) lastWith = i;
      const goneAt = lastWith >= 0 ? snaps[lastWith + 1]!.t : null;
      violations.push({
        atMs: ts, untilMs: r.completion!.t, participants: [b],
        detail: goneAt === null
          ? `request #${r.invoke.id} started at ${ms(ts)} was answered by ${b}, which was not registered yet`
          : `request #${r.invoke.id} started at ${ms(ts)} was answered by ${b}, whose registration disappeared at ${ms(goneAt)} (${Math.round(ts - goneAt)} ms before; the bound is ${BOUND_MS} ms)`,
      });
    }
    const figures = { requests: routed.length, judged, skipped, unknown, violations: violations.length };
    if (violations.length) {
      return { invariant: this.id, valid: false, summary: `${violations.length} request(s) were routed to a node not registered within the last ${BOUND_MS} ms`, evidence: violations, figures };
    }
    if (unknown) {
      return { invariant: this.id, valid: 'unknown', summary: `${judged} request(s) routed correctly, but ${unknown} started while the registrations watch had lost its connection`, evidence: [...unknownGaps.keys()].map(gapEvidence), figures };
    }
    return { invariant: this.id, valid: true, summary: `all ${judged} judged request(s) went to nodes registered within the last ${BOUND_MS} ms${skipped ? ` (${skipped} too early to judge)` : ''}`, evidence: [], figures };
  },
};
