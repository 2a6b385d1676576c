// A node's applied config version never goes backwards: the fleet contract says a node ignores a config older
// than the one it runs. Two things legitimately start the count over: a new process (its incarnation changes;
// a node that does not report one is taken as one process throughout) and the operator deleting the config
// (after a delete a node accepts any version next: its next change may go either way — how the harness
// resets a reused fleet, whose nodes still run the last scenario's config). A delete is honoured from its
// invocation (it may already be applied while in flight) until it completes; an ok or info (maybe applied)
// completion frees every node's next change once more.
import { HistoryEvent, NodeStatusObservation } from '../history/events';
import { Checker, CheckerVerdict, Evidence } from './checker';
import { gapEvidence, ms, pollGaps } from './observer-gaps';

interface Baseline {
  readonly version: number;
  readonly t: number;
  readonly incarnation: string | undefined;
  /** A delete came since: the next change of version may go either way. */
  readonly freeNext?: boolean;
}

export const configMonotonic: Checker = {
  id: 'config-monotonic',
  describe: 'Within one process incarnation a node\'s reported config version never decreases, except across an operator\'s delete-config (from its invocation to its completion).',
  check(history): CheckerVerdict {
    const baselines = new Map<string, Baseline>();
    const violations: Evidence[] = [];
    let deletesInFlight = 0;
    // A node first seen after a delete may still run what it ran before it: its first change is free too.
    let deleted = false;
    let readings = 0;
    for (const e of history) {
      if (e.kind === 'op' && e.f === 'delete-config') {
        if (e.type === 'invoke') deletesInFlight++;
        else deletesInFlight = Math.max(0, deletesInFlight - 1);
        if (e.type !== 'fail') {
          deleted = true;
          for (const [node, b] of baselines) baselines.set(node, { ...b, freeNext: true });
        }
        continue;
      }
      if (e.kind !== 'observe' || e.observer !== 'node-status') continue;
      const s = e as NodeStatusObservation;
      if (!s.answered || typeof s.configVersion !== 'number') continue;
      readings++;
      const before = baselines.get(s.node);
      const sameProcess = before !== undefined && (before.incarnation === undefined || s.incarnation === undefined || before.incarnation === s.incarnation);
      if (before?.freeNext && s.configVersion === before.version) continue;
      if (before && sameProcess && !before.freeNext && deletesInFlight === 0 && s.configVersion < before.version) {
        violations.push({
          atMs: s.t, participants: [s.node],
          detail: `${s.node} went back from config v${before.version} (seen at ${ms(before.t)}) to v${s.configVersion} at ${ms(s.t)}${s.incarnation ? ` in one process (${s.incarnation})` : ''}`,
        });
      }
      // After a backwards step the new version is the baseline: each step back is reported once.
      baselines.set(s.node, { version: s.configVersion, t: s.t, incarnation: s.incarnation ?? (sameProcess ? before?.incarnation : undefined), freeNext: before === undefined && deleted });
    }
    const nodes = new Set(history.flatMap((e) => (e.kind === 'observe' && e.observer === 'node-status' && e.answered && typeof e.configVersion === 'number' ? [e.node] : [])));
    const figures = { nodes: nodes.size, readings, backwardSteps: violations.length };
    if (readings === 0) return { invariant: this.id, valid: true, summary: 'nothing to judge: no node reported a config version', evidence: [], figures };
    if (violations.length) {
      return { invariant: this.id, valid: false, summary: `${violations.length} backward config step(s) within one process, on ${new Set(violations.map((v) => v.participants[0])).size} node(s)`, evidence: violations, figures };
    }
    const gaps = pollGaps(history, 'node-status').filter((g) => nodes.has(g.subject));
    if (gaps.length) {
      return { invariant: this.id, valid: 'unknown', summary: `no backward step seen in ${readings} readings, but the node /status record has ${gaps.length} gap(s) where one could hide`, evidence: gaps.map(gapEvidence), figures };
    }
    return { invariant: this.id, valid: true, summary: `no node's config version went backwards (${readings} readings of ${nodes.size} node(s))`, evidence: [], figures };
  },
};
