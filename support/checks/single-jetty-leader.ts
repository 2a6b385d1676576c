// At most one node acts as Jetty leader at any instant. "Acts" is what the node itself says on /status: the
// latch under /fleet/leader can be right while a paused or cut-off node still believes it leads, and that
// belief is what does harm. Each node's consecutive leader:true answers form a claim; two nodes' claims that
// share an instant are two leaders at once.
import { HistoryEvent, NodeStatusObservation } from '../history/events';
import { Checker, CheckerVerdict, Evidence } from './checker';
import { gapEvidence, ms, pollGaps } from './observer-gaps';

interface ClaimRun {
  readonly node: string;
  readonly fromMs: number;
  readonly untilMs: number;
}

/** Per node, maximal runs of consecutive observations answering leader:true; any other observation ends a run. */
export function claimRuns(history: readonly HistoryEvent[]): ClaimRun[] {
  const open = new Map<string, { fromMs: number; untilMs: number }>();
  const runs: ClaimRun[] = [];
  const close = (node: string) => {
    const run = open.get(node);
    if (run) runs.push({ node, ...run });
    open.delete(node);
  };
  for (const e of history) {
    if (e.kind !== 'observe' || e.observer !== 'node-status') continue;
    const s = e as NodeStatusObservation;
    if (s.answered && s.leader === true) {
      const run = open.get(s.node);
      if (run) run.untilMs = s.t;
      else open.set(s.node, { fromMs: s.t, untilMs: s.t });
    } else close(s.node);
  }
  for (const node of [...open.keys()]) close(node);
  return runs.sort((a, b) => a.fromMs - b.fromMs);
}

export const singleJettyLeader: Checker = {
  id: 'single-jetty-leader',
  describe: 'At most one node says it is the Jetty leader at any instant: two nodes\' runs of consecutive leader:true /status answers never share an instant.',
  check(history): CheckerVerdict {
    const nodes = new Set(history.flatMap((e) => (e.kind === 'observe' && e.observer === 'node-status' ? [e.node] : [])));
    if (nodes.size === 0) return { invariant: this.id, valid: true, summary: 'nothing to judge: no node /status was observed', evidence: [] };
    const runs = claimRuns(history);
    const overlaps: Evidence[] = [];
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i]!, b = runs[j]!;
        if (b.fromMs > a.untilMs) break; // sorted by start: no later run can meet a
        if (a.node === b.node) continue;
        const from = Math.max(a.fromMs, b.fromMs), until = Math.min(a.untilMs, b.untilMs);
        overlaps.push({ atMs: from, untilMs: until, participants: [a.node, b.node].sort(), detail: `${a.node} and ${b.node} both said they led for ${Math.round(until - from)} ms from ${ms(from)} (${a.node} from ${ms(a.fromMs)} to ${ms(a.untilMs)}, ${b.node} from ${ms(b.fromMs)} to ${ms(b.untilMs)})` });
      }
    }
    const longest = Math.max(0, ...overlaps.map((o) => o.untilMs! - o.atMs));
    const figures = { nodes: nodes.size, claimRuns: runs.length, overlaps: overlaps.length, longestOverlapMs: Math.round(longest) };
    if (overlaps.length) {
      return { invariant: this.id, valid: false, summary: `${overlaps.length} time(s) two nodes said they were Jetty leader at once; the longest for ${Math.round(longest)} ms`, evidence: overlaps, figures };
    }
    const gaps = pollGaps(history, 'node-status');
    if (gaps.length) {
      return { invariant: this.id, valid: 'unknown', summary: `no two leaders were seen, but the node /status record has ${gaps.length} gap(s) longer than the tolerance`, evidence: gaps.map(gapEvidence), figures };
    }
    return { invariant: this.id, valid: true, summary: `never two Jetty leaders at once over ${runs.length} leadership claim(s) of ${nodes.size} node(s)`, evidence: [], figures };
  },
};
