import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyFileName, judgeScenario } from './scenario-verdicts';
import { History } from '../history/history';
import { NodeStatusObservation } from '../history/events';

const status = (node: string, leader: boolean): Omit<NodeStatusObservation, 't'> =>
  ({ kind: 'observe', observer: 'node-status', sentAt: 0, node, answered: true, registered: true, leader, zk: 'CONNECTED', configVersion: 1 });

/** Two nodes both say they lead from 100 to 300 ms, every 50 ms. */
function twoLeaders(): History {
  const h = new History(0);
  for (let t = 100; t <= 300; t += 50) {
    h.append({ ...status('node-1', true), sentAt: t - 5 }, t);
    h.append({ ...status('node-2', true), sentAt: t - 5 }, t + 1);
  }
  return h;
}

test('history files are named after the scenario, numbered when the name is taken', () => {
  assert.equal(historyFileName('A node\'s cut-off: heals!', () => false), 'a-node-s-cut-off-heals.history.ndjson');
  const taken = new Set(['x.history.ndjson', 'x-2.history.ndjson']);
  assert.equal(historyFileName('X', (n) => taken.has(n)), 'x-3.history.ndjson');
});

test('an unexpected violation fails the scenario in one sentence naming the invariant, the instant and the nodes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zkh-verdicts-'));
  try {
    const judged = judgeScenario({ scenario: 'two leaders', feature: 'f', history: twoLeaders(), expected: new Set() }, dir);
    assert.match(judged.violation ?? '', /^The history violates single-jetty-leader at 10\d ms.*\[node-1, node-2\]/);
    const row = judged.rows.find((r) => r.invariant === 'single-jetty-leader')!;
    assert.equal(row.verdict, 'invalid');
    assert.equal(row.expected, false);
    // The saved history is the one judged, and can be judged again offline.
    const saved = readFileSync(join(dir, 'histories', 'two-leaders.history.ndjson'), 'utf8').trim().split('\n');
    assert.equal(JSON.parse(saved[0]!).kind, 'header');
    assert.equal(saved.length, 1 + 10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a violation the scenario set out to show is reported, not failed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zkh-verdicts-'));
  try {
    const judged = judgeScenario({ scenario: 'shown', feature: 'f', history: twoLeaders(), expected: new Set(['single-jetty-leader']) }, dir);
    assert.equal(judged.violation, undefined);
    assert.equal(judged.rows.find((r) => r.invariant === 'single-jetty-leader')!.expected, true);
    assert.match(judged.oneLine, /single-jetty-leader invalid \(expected\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
