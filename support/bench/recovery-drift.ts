// #18 asks that no recovery figure get worse. Each bench run holds its recovery figures against the previous
// bench's (reports/bench.json before it is overwritten): a figure counts as slower only when its median is beyond
// the previous run's p95, so two runs of the same fleet, with its quantized elections, do not cry wolf.
import { Summary } from './stats';
import type { HarnessFigures } from './harness-bench';

/**
 * The bench's recovery figures: what the fleet does after a fault, measured as the scenarios measure it. Typed
 * against the bench's own keys, so a renamed figure fails the typecheck instead of silently leaving the check.
 */
export const RECOVERY_KEYS = ['zkLeaderLossToWrites', 'zkLeaderLossToWritesFromKill', 'nodeCrashToDeregistered', 'nodeCrashToDeregisteredFromKill',
  'jettyLeaderHandover', 'jettyLeaderHandoverFromKill', 'configPropagation'] as const satisfies readonly (keyof HarnessFigures)[];

export interface Drift {
  readonly key: string;
  readonly before: Summary;
  readonly after: Summary;
  /** slower: the median is beyond the previous p95; faster: the previous median is beyond this p95. */
  readonly verdict: 'slower' | 'faster' | 'within the previous spread';
}

/** Each recovery figure both runs have, judged; figures either run lacks (a key new in this one) are left out. */
export function recoveryDrift(before: Readonly<Record<string, Summary | undefined>>, after: Readonly<Record<string, Summary | undefined>>): Drift[] {
  const drifts: Drift[] = [];
  for (const key of RECOVERY_KEYS) {
    const b = before[key], a = after[key];
    if (b?.median == null || b.p95 == null || a?.median == null || a.p95 == null) continue;
    const verdict = a.median > b.p95 ? 'slower' : b.median > a.p95 ? 'faster' : 'within the previous spread';
    drifts.push({ key, before: b, after: a, verdict });
  }
  return drifts;
}
