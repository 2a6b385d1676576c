import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invariantTable } from './invariant-table';
import { InvariantRow } from './scenario-verdicts';

const row = (invariant: string, verdict: InvariantRow['verdict'], expected = false): InvariantRow => ({
  scenario: 'a scenario', feature: 'f', invariant, verdict, expected, summary: 'summary', history: 'h',
  evidence: [{ atMs: 1234.4, participants: ['node-1', 'node-2'], detail: 'both led for 800 ms' }],
});

test('counts each invariant and names every row that was not valid', () => {
  const text = invariantTable([row('single-jetty-leader', 'valid'), row('single-jetty-leader', 'invalid', true), row('availability', 'unknown')]);
  assert.match(text, /single-jetty-leader +1 valid, 1 invalid, 0 unknown/);
  assert.match(text, /INVALID \(expected\) single-jetty-leader in "a scenario": at 1234 ms \[node-1, node-2\] both led for 800 ms/);
  assert.match(text, /UNKNOWN availability/);
});

test('says so when nothing was judged', () => {
  assert.equal(invariantTable([]), 'invariants: no fleet scenario was judged');
});
