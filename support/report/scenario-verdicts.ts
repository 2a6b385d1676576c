// After a scenario: save its history under reports/histories/, run every default checker on it, and turn
// the verdicts into report rows. An invalid verdict the scenario did not set out to show is a violation that
// fails the scenario, in one sentence naming the invariant, the instant and the participants.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { History } from '../history/history';
import { checkHistory } from '../checks/default-checkers';
import { CheckerVerdict, Evidence, verdictWord } from '../checks/checker';

export interface InvariantRow {
  readonly scenario: string;
  readonly feature: string;
  readonly invariant: string;
  readonly verdict: 'valid' | 'invalid' | 'unknown';
  /** The scenario set out to show this violation ("Then the history shows …"). */
  readonly expected: boolean;
  readonly summary: string;
  readonly evidence: readonly Evidence[];
  readonly figures?: Readonly<Record<string, unknown>>;
  readonly history: string;
}

export interface ScenarioJudgement {
  readonly rows: InvariantRow[];
  readonly violation?: string;
  readonly file: string;
  readonly oneLine: string;
  readonly text: string;
}

/** A file name for a scenario: its words, lower case, dashes; a number is added when taken. */
export function historyFileName(scenario: string, taken: (name: string) => boolean): string {
  const base = scenario.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100) || 'scenario';
  for (let i = 1; ; i++) {
    const name = `${base}${i === 1 ? '' : `-${i}`}.history.ndjson`;
    if (!taken(name)) return name;
  }
}

const MAX_EVIDENCE = 20;

export function judgeScenario(s: { scenario: string; feature: string; history: History; expected: ReadonlySet<string> }, reportsDir: string): ScenarioJudgement {
  const dir = join(reportsDir, 'histories');
  mkdirSync(dir, { recursive: true });
  const name = historyFileName(s.scenario, (n) => existsSync(join(dir, n)));
  const file = join(dir, name);
  writeFileSync(file, s.history.toNdjson());
  const verdicts = checkHistory(s.history.events());
  const rows = verdicts.map((v): InvariantRow => ({
    scenario: s.scenario, feature: s.feature, invariant: v.invariant, verdict: verdictWord(v.valid), expected: s.expected.has(v.invariant),
    summary: v.summary, evidence: v.evidence.slice(0, MAX_EVIDENCE), ...(v.figures ? { figures: v.figures } : {}), history: `histories/${name}`,
  }));
  const unexpected = verdicts.filter((v) => v.valid === false && !s.expected.has(v.invariant));
  return {
    rows,
    file: `reports/histories/${name}`,
    oneLine: verdicts.map((v) => `${v.invariant} ${verdictWord(v.valid)}${s.expected.has(v.invariant) ? ' (expected)' : ''}`).join(', '),
    text: verdicts.map(describeVerdict).join('\n'),
    ...(unexpected.length ? { violation: unexpected.map(violationSentence).join(' ') } : {}),
  };
}

function describeVerdict(v: CheckerVerdict): string {
  return [`${v.invariant}: ${verdictWord(v.valid)} — ${v.summary}`, ...v.evidence.slice(0, 5).map((e) => `  ${at(e)}: ${e.detail}`)].join('\n');
}

const at = (e: Evidence) => `at ${Math.round(e.atMs)} ms${e.untilMs !== undefined ? `–${Math.round(e.untilMs)} ms` : ''} [${e.participants.join(', ')}]`;

/** "The history violates single-jetty-leader at 5230 ms (node-1, node-2): …" */
export function violationSentence(v: CheckerVerdict): string {
  const first = v.evidence[0];
  const where = first ? ` ${at(first)}` : '';
  return `The history violates ${v.invariant}${where}: ${first?.detail ?? v.summary} (${v.summary}).`;
}
