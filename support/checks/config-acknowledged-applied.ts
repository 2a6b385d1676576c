// An acknowledged config write reaches every node that is connected and registered: within APPLY_MS of the
// later of the acknowledgement and the node's (re)connection, the node's /status shows that version or a newer
// one. A node that is not connected meanwhile owes nothing until it has been connected for APPLY_MS again.
// A write whose outcome is unknown (info) may have happened or not, but not on some nodes only: at the end,
// the settled nodes agree on whether they have it.
import { HistoryEvent, NodeStatusObservation } from '../history/events';
import { Checker, CheckerVerdict, Evidence } from './checker';
import { GAP_MS, gapEvidence, gapsOverlapping, historyEnd, ms, operations, Operation, pollGaps } from './observer-gaps';

/** How long a connected, registered node may take to apply a config (the fleet contract's bound). */
export const APPLY_MS = 1000;

const CONNECTED = new Set(['CONNECTED', 'RECONNECTED']);

type Run = readonly NodeStatusObservation[];

/**
 * Per node, maximal runs of consecutive observations that are answered, registered and connected. A poll gap
 * also ends a run: the node may have disconnected unseen, so the next observation starts the clock over (the
 * gap itself makes the verdict unknown).
 */
export function connectedRuns(history: readonly HistoryEvent[]): Map<string, Run[]> {
  const runs = new Map<string, NodeStatusObservation[][]>();
  const last = new Map<string, NodeStatusObservation>();
  for (const e of history) {
    if (e.kind !== 'observe' || e.observer !== 'node-status') continue;
    const prev = last.get(e.node);
    last.set(e.node, e);
    if (!(e.answered && e.registered === true && CONNECTED.has(e.zk ?? ''))) continue;
    const nodeRuns = runs.get(e.node) ?? [];
    runs.set(e.node, nodeRuns);
    const open = nodeRuns[nodeRuns.length - 1];
    const continues = open !== undefined && prev === open[open.length - 1] && e.sentAt - prev.sentAt <= GAP_MS;
    if (continues) open.push(e);
    else nodeRuns.push([e]);
  }
  return runs;
}

const versionOf = (op: Operation): number | undefined => {
  const v = op.completion?.value?.['version'] ?? op.invoke.value?.['version'];
  return typeof v === 'number' ? v : undefined;
};
const shown = (s: NodeStatusObservation): string => (typeof s.configVersion === 'number' ? `v${s.configVersion}` : 'no config');
const has = (s: NodeStatusObservation, v: number): boolean => typeof s.configVersion === 'number' && s.configVersion >= v;

export const configAcknowledgedApplied: Checker = {
  id: 'config-acknowledged-applied',
  describe: `Every acknowledged config write of version v is shown (v or newer) by each connected, registered node at its first /status answer ${APPLY_MS} ms after the later of the acknowledgement and its connection, unless a delete-config intervened; a write of unknown outcome ends applied on all settled nodes or on none.`,
  check(history): CheckerVerdict {
    const writes = operations(history, 'write-config').filter((w) => versionOf(w) !== undefined && w.completion?.type !== 'fail');
    const deletes = operations(history, 'delete-config').filter((d) => d.completion?.type !== 'fail');
    const runs = connectedRuns(history);
    if (writes.length === 0 || runs.size === 0) {
      return { invariant: this.id, valid: true, summary: `nothing to judge: ${writes.length === 0 ? 'no acknowledged or unknown-outcome config write' : 'no node was seen connected and registered'}`, evidence: [] };
    }
    // A delete in flight at any point of [from, until] may have reset the nodes: what they show then is exempt.
    const deleteDuring = (from: number, until: number) => deletes.some((d) => d.invoke.t <= until && (d.completion?.t ?? Infinity) >= from);
    const violations: Evidence[] = [];
    let checks = 0, exempt = 0;
    let judgedFrom = Infinity;

    for (const w of writes.filter((w) => w.completion?.type === 'ok')) {
      const v = versionOf(w)!, tA = w.completion!.t;
      judgedFrom = Math.min(judgedFrom, tA);
      for (const [node, nodeRuns] of runs) {
        for (const run of nodeRuns) {
          const rs = run[0]!.t, re = run[run.length - 1]!.t;
          const deadline = Math.max(tA, rs) + APPLY_MS;
          if (re < deadline) continue; // not connected long enough to owe the write
          const first = run.find((s) => s.t >= deadline)!; // only the first answer past the deadline is judged
          if (deleteDuring(w.invoke.t, first.t)) { exempt++; continue; }
          checks++;
          if (has(first, v)) continue;
          violations.push({
            atMs: first.t, participants: [node],
            detail: `${node} still ran ${shown(first)} at +${Math.round(first.t - tA)} ms after the write of v${v} was acknowledged at ${ms(tA)} (connected and registered since ${ms(rs)})`,
          });
        }
      }
    }

    const unknownOutcome = writes.filter((w) => w.completion === null || w.completion.type === 'info');
    for (const w of unknownOutcome) {
      const v = versionOf(w)!, t0 = w.invoke.t;
      judgedFrom = Math.min(judgedFrom, t0);
      // A later acknowledged write of v or newer is judged above; a later delete resets every node.
      if (writes.some((o) => o.completion?.type === 'ok' && o.completion.t > t0 && versionOf(o)! >= v)) continue;
      if (deletes.some((d) => d.invoke.t > t0)) continue;
      // The write happened (if at all) by the first time any node showed it; nodes get APPLY_MS from then.
      const firstSeen = history.find((e): e is NodeStatusObservation => e.kind === 'observe' && e.observer === 'node-status' && e.t >= t0 && e.answered && has(e, v));
      if (!firstSeen) continue; // applied nowhere: consistent
      const withIt: string[] = [], without: NodeStatusObservation[] = [];
      for (const [node, nodeRuns] of runs) {
        const run = nodeRuns[nodeRuns.length - 1]!;
        const lastSeen = run[run.length - 1]!;
        if (lastSeen.t < Math.max(firstSeen.t, run[0]!.t) + APPLY_MS) continue; // not settled
        if (has(lastSeen, v)) withIt.push(node);
        else without.push(lastSeen);
      }
      checks++;
      if (withIt.length && without.length) {
        violations.push({
          atMs: Math.max(...without.map((s) => s.t)), participants: [...withIt, ...without.map((s) => s.node)].sort(),
          detail: `the write of v${v} (invoked at ${ms(t0)}, outcome unknown) was applied on ${withIt.sort().join(', ')} but not on ${without.map((s) => `${s.node} (${shown(s)} at ${ms(s.t)})`).join(', ')}`,
        });
      }
    }

    const figures = { acknowledgedWrites: writes.filter((w) => w.completion?.type === 'ok').length, unknownOutcomeWrites: unknownOutcome.length, checks, exemptAfterDelete: exempt, violations: violations.length };
    if (violations.length) {
      return { invariant: this.id, valid: false, summary: `${violations.length} time(s) a connected node did not show a config write it owed`, evidence: violations, figures };
    }
    const gaps = judgedFrom === Infinity ? [] : gapsOverlapping(pollGaps(history, 'node-status'), judgedFrom, historyEnd(history));
    if (gaps.length) {
      return { invariant: this.id, valid: 'unknown', summary: `every judged node showed the writes it owed (${checks} checks), but the node /status record has ${gaps.length} gap(s) after the first write`, evidence: gaps.map(gapEvidence), figures };
    }
    return { invariant: this.id, valid: true, summary: `every connected, registered node showed each acknowledged config write within ${APPLY_MS} ms (${checks} checks, ${exempt} exempt after a delete)`, evidence: [], figures };
  },
};
