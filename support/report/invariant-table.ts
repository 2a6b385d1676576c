// The console's invariant summary: per invariant, how many scenarios' histories were valid, invalid and
// unknown, then one line for each row that was not plainly valid.
import { InvariantRow } from './scenario-verdicts';

export function invariantTable(rows: readonly InvariantRow[]): string {
  if (!rows.length) return 'invariants: no fleet scenario was judged';
  const ids = [...new Set(rows.map((r) => r.invariant))];
  const width = Math.max(...ids.map((id) => id.length));
  const count = (id: string, verdict: InvariantRow['verdict']) => rows.filter((r) => r.invariant === id && r.verdict === verdict).length;
  const lines = ['invariants (reports/invariants.json):', ...ids.map((id) => `  ${id.padEnd(width)}  ${count(id, 'valid')} valid, ${count(id, 'invalid')} invalid, ${count(id, 'unknown')} unknown`)];
  for (const r of rows.filter((row) => row.verdict !== 'valid')) {
    const e = r.evidence[0];
    lines.push(`  ${r.verdict.toUpperCase()}${r.expected ? ' (expected)' : ''} ${r.invariant} in "${r.scenario}": ${e ? `at ${Math.round(e.atMs)} ms [${e.participants.join(', ')}] ${e.detail}` : r.summary}`);
  }
  return lines.join('\n');
}
