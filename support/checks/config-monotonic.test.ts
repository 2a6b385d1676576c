import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configMonotonic } from './config-monotonic';
import { deleteConfig, history, polls, status } from './history-fixtures';

test('versions that only rise hold; a node that does not answer is no reading', () => {
  const h = history(
    polls('node-1', 0, 2000, 250, (t) => ({ configVersion: t < 1000 ? 1 : 2 })),
    polls('node-2', 0, 2000, 250, (t) => (t === 1000 ? { answered: false } : { configVersion: t < 1200 ? 1 : 2 })),
  );
  const v = configMonotonic.check(h);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.readings, 17);
});

test('a node that goes back to an older version in one process is a violation naming both versions', () => {
  const h = history(polls('node-1', 0, 2000, 250, (t) => ({ configVersion: t < 1000 ? 2 : t < 1500 ? 1 : 3, incarnation: 'p1' })));
  const v = configMonotonic.check(h);
  assert.equal(v.valid, false);
  assert.equal(v.evidence.length, 1, 'each backward step once');
  assert.equal(v.evidence[0]!.atMs, 1000);
  assert.deepEqual(v.evidence[0]!.participants, ['node-1']);
  assert.match(v.evidence[0]!.detail, /node-1 went back from config v2 \(seen at 750 ms\) to v1 at 1000 ms in one process \(p1\)/);
});

test('without an incarnation the node is taken as one process', () => {
  const h = history(status(0, 'node-1', { configVersion: 3 }), status(200, 'node-1', { configVersion: 2 }));
  assert.equal(configMonotonic.check(h).valid, false);
});

test('a restarted process starts over', () => {
  const h = history(status(0, 'node-1', { configVersion: 3, incarnation: 'a' }), status(200, 'node-1', { configVersion: 1, incarnation: 'b' }), status(400, 'node-1', { configVersion: 2, incarnation: 'b' }));
  assert.equal(configMonotonic.check(h).valid, true);
});

test('a delete-config resets every node: in flight anything goes, after it the next version is the new baseline', () => {
  const h = history(
    polls('node-1', 0, 3000, 250, (t) => ({ configVersion: t < 1000 ? 5 : t < 1300 ? 4 : t < 2000 ? 1 : 2 })),
    deleteConfig(7, 900, 1400),
  );
  assert.equal(configMonotonic.check(h).valid, true, 'v4 seen while the delete was in flight, v1 right after it');
  const failed = history(polls('node-1', 0, 3000, 250, (t) => ({ configVersion: t < 1000 ? 5 : t < 2000 ? 4 : 3 })), deleteConfig(7, 900, 1400, 'fail'));
  const v = configMonotonic.check(failed);
  assert.equal(v.valid, false, 'a failed delete resets nothing after it completes');
  assert.equal(v.evidence[0]!.atMs, 2000);
});

test('a gap in the /status record of a judged node makes a clean history unknown', () => {
  const h = history(polls('node-1', 0, 1000, 250, { configVersion: 1 }), polls('node-1', 1800, 2500, 250, { configVersion: 1 }));
  const v = configMonotonic.check(h);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.evidence[0]!.atMs, 995);
  assert.equal(v.evidence[0]!.untilMs, 1795);
});

test('no version readings: nothing to judge', () => {
  const v = configMonotonic.check(history(status(0, 'node-1', { answered: false })));
  assert.equal(v.valid, true);
  assert.match(v.summary, /nothing to judge/);
});

test('a fleet reset: the delete comes first, the nodes still show the last scenario\'s version, then go back to v1', () => {
  // What a reused fleet records: delete-config during the reset, then observers see v2 (left over), then v1.
  const h = history(deleteConfig(1, 0, 20), polls('node-1', 100, 2000, 100, (t) => ({ configVersion: t < 1000 ? 2 : 1 })));
  assert.equal(configMonotonic.check(h).valid, true);
  // After that one free change the count is monotonic again: v1 then back to v0 is a violation.
  const later = history(deleteConfig(1, 0, 20), polls('node-1', 100, 3000, 100, (t) => ({ configVersion: t < 1000 ? 2 : t < 2000 ? 1 : 0 })));
  assert.equal(configMonotonic.check(later).valid, false);
});
