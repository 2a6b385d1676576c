// A checker is a pure function from a scenario's history to a verdict with evidence (Jepsen's checker,
// Porcupine's shape). One history gets every checker; within a checker a violation (`false`) wins over a gap
// (`unknown`), which wins over `true`.
import { HistoryEvent } from '../history/events';

/** true: the history shows the invariant held; false: it shows a violation; unknown: the record has a gap. */
export type Validity = true | false | 'unknown';

/** Where a verdict comes from: the instant (ms on the history's clock), who took part, and what was seen. */
export interface Evidence {
  readonly atMs: number;
  /** End of the span the evidence covers (an overlap, a gap, an outage); absent for an instant. */
  readonly untilMs?: number;
  readonly participants: readonly string[];
  readonly detail: string;
}

export interface CheckerVerdict {
  readonly invariant: string;
  readonly valid: Validity;
  /** One sentence: what was judged and what was found. */
  readonly summary: string;
  readonly evidence: readonly Evidence[];
  /** Figures for the report (counts, ratios, latencies), free-form. */
  readonly figures?: Readonly<Record<string, unknown>>;
}

export interface Checker {
  /** The invariant's id, as reports and `Then the history shows …` name it. */
  readonly id: string;
  /** One sentence for README and reports. */
  readonly describe: string;
  check(history: readonly HistoryEvent[]): CheckerVerdict;
}

export function verdictWord(valid: Validity): 'valid' | 'invalid' | 'unknown' {
  return valid === true ? 'valid' : valid === false ? 'invalid' : 'unknown';
}
