import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkerById, checkHistory, DEFAULT_CHECKERS } from './default-checkers';
import { history, polls, registrations, request, writeConfig } from './history-fixtures';
import { HistoryHeader } from '../history/events';

test('the five default invariants, in report order, with distinct ids', () => {
  assert.deepEqual(DEFAULT_CHECKERS.map((c) => c.id), ['single-jetty-leader', 'config-monotonic', 'config-acknowledged-applied', 'gateway-routing', 'availability', 'linearizable-register']);
  for (const c of DEFAULT_CHECKERS) assert.ok(c.describe.length > 20, c.id);
  assert.equal(checkerById('gateway-routing').id, 'gateway-routing');
  assert.throws(() => checkerById('two-leaders'), /No invariant is called "two-leaders": the default invariants are single-jetty-leader, /);
});

test('an empty history is valid everywhere, each saying there was nothing to judge', () => {
  const header: HistoryHeader = { kind: 'header', t: 0, scenario: 's', feature: 'f', startedAt: '', observers: {}, nodes: [], members: [], gateway: false };
  for (const v of checkHistory([header])) {
    assert.equal(v.valid, true, v.invariant);
    assert.match(v.summary, /nothing to judge/, v.invariant);
  }
});

test('a clean steady history is valid for every invariant', () => {
  const h = history(
    registrations(0, ['node-1', 'node-2']), writeConfig(1, 500, 600, 'ok', 2),
    polls('node-1', 0, 3000, 250, (t) => ({ leader: true, configVersion: t >= 750 ? 2 : 1 })), polls('node-2', 0, 3000, 250, (t) => ({ configVersion: t >= 1000 ? 2 : 1 })),
    [1200, 1400, 1600].flatMap((t, i) => request(10 + i, t, t + 15, 'ok', i % 2 ? 'node-2' : 'node-1')),
  );
  for (const v of checkHistory(h)) assert.equal(v.valid, true, `${v.invariant}: ${v.summary}`);
});
