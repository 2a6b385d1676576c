import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observedShort, recoveryTable, toRecord } from './recovery-record';

test('a row keeps its window and says how it was observed', () => {
  const r = toRecord({ what: 'n2 to leave', deadlineMs: 10000, measuredMs: 2811.4, met: true, lastFalseMs: 2806.2, firstTrueMs: 2811.4, lastSeen: 'registered: node-1, node-3', probes: 3 },
    { scenario: 'S', feature: 'F', step: 'within 10 seconds node-2 is no longer registered', profile: 'fast', observedBy: 'watch on /fleet/services/web', faultStepMs: 612.6 });
  assert.equal(r.windowMs, 5);
  assert.equal(r.faultStepMs, 613, 'the fault step\'s own length is kept beside the figure measured from its end');
  const table = recoveryTable([r]);
  assert.match(table, /met\s+2811 ms\s+10000 ms\s+5 ms\s+watch\s+S — within 10 seconds/);
  assert.match(table, /by: the observation that decided it — watch = a ZooKeeper watch/);
});

test('short names for how a row was observed', () => {
  assert.equal(observedShort('watch on /fleet/services/web'), 'watch');
  assert.equal(observedShort('watch on /fleet/services/web, across a reconnection'), 'watch*');
  assert.equal(observedShort('watch on /fleet/services/web: already true at the first look'), 'watch');
  assert.equal(observedShort('50 ms poll'), 'poll');
  assert.equal(observedShort('history: watch on /fleet/services/web'), 'watch');
  assert.equal(observedShort('history: /status every 50 ms'), 'poll');
  assert.equal(observedShort('history: already true when the fault began'), 'before');
  assert.equal(observedShort('50 ms poll of /status, woken by the watch on /fleet/leader'), 'poll+watch');
});
