import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configAcknowledgedApplied, connectedRuns } from './config-acknowledged-applied';
import { deleteConfig, history, polls, status, writeConfig } from './history-fixtures';

// v1 everywhere, then v2 written (invoked at 2000, acknowledged at 2100). Polls every 250 ms to 6000.
const appliedAt = (t2: number) => (t: number) => ({ configVersion: t >= t2 ? 2 : 1 });

test('every node applies the write within a second of the acknowledgement: valid', () => {
  const h = history(writeConfig(1, 2000, 2100, 'ok', 2), polls('node-1', 0, 6000, 250, appliedAt(2250)), polls('node-2', 0, 6000, 250, appliedAt(3000)));
  const v = configAcknowledgedApplied.check(h);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.checks, 2);
});

test('a connected node still on the old version past the deadline is a violation', () => {
  // The deadline is 3100; the first poll at or after it (3250) is judged. node-2 applies at 3500: too late.
  const h = history(writeConfig(1, 2000, 2100, 'ok', 2), polls('node-1', 0, 6000, 250, appliedAt(2250)), polls('node-2', 0, 6000, 250, appliedAt(3500)));
  const v = configAcknowledgedApplied.check(h);
  assert.equal(v.valid, false);
  assert.equal(v.evidence.length, 1);
  assert.deepEqual(v.evidence[0]!.participants, ['node-2']);
  assert.equal(v.evidence[0]!.atMs, 3250);
  assert.match(v.evidence[0]!.detail, /node-2 still ran v1 at \+1150 ms after the write of v2 was acknowledged at 2100 ms/);
});

test('a node disconnected at the acknowledgement owes the write a second after it reconnects', () => {
  const zk = (t: number) => (t >= 1500 && t < 4000 ? { zk: 'SUSPENDED', configVersion: 1 } : { configVersion: t >= 4750 ? 2 : 1 });
  const ok = history(writeConfig(1, 2000, 2100, 'ok', 2), polls('node-2', 0, 6000, 250, zk));
  assert.equal(configAcknowledgedApplied.check(ok).valid, true, 'reconnected at 4000: deadline 5000, shows v2 from 4750');
  const late = history(writeConfig(1, 2000, 2100, 'ok', 2), polls('node-2', 0, 6000, 250, (t) => ({ ...zk(t), ...(t >= 4000 ? { configVersion: t >= 5250 ? 2 : 1 } : {}) })));
  const v = configAcknowledgedApplied.check(late);
  assert.equal(v.valid, false);
  assert.equal(v.evidence[0]!.atMs, 5000);
});

test('a run that ends before its deadline is exempt; so is a node after a delete-config', () => {
  const flapping = history(writeConfig(1, 2000, 2100, 'ok', 2), polls('node-1', 0, 6000, 250, (t) => (Math.floor(t / 750) % 2 ? { registered: false, configVersion: 1 } : { configVersion: 1 })));
  assert.equal(configAcknowledgedApplied.check(flapping).valid, true);
  const deleted = history(writeConfig(1, 2000, 2100, 'ok', 2), deleteConfig(2, 2500, 2600), polls('node-1', 0, 6000, 250, { configVersion: 1 }));
  const v = configAcknowledgedApplied.check(deleted);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.exemptAfterDelete, 1);
  const failedWrite = history(writeConfig(1, 2000, 2100, 'fail', 2), polls('node-1', 0, 6000, 250, { configVersion: 1 }));
  assert.match(configAcknowledgedApplied.check(failedWrite).summary, /nothing to judge/);
});

test('a write of unknown outcome applied on some settled nodes but not others is a violation', () => {
  const h = history(
    writeConfig(1, 2000, 3000, 'info', 2),
    polls('node-1', 0, 6000, 250, appliedAt(2500)), polls('node-3', 0, 6000, 250, appliedAt(2750)), polls('node-2', 0, 6000, 250, { configVersion: 1 }),
  );
  const v = configAcknowledgedApplied.check(h);
  assert.equal(v.valid, false);
  assert.deepEqual(v.evidence[0]!.participants, ['node-1', 'node-2', 'node-3']);
  assert.match(v.evidence[0]!.detail, /applied on node-1, node-3 but not on node-2 \(v1 at 6000 ms\)/);
  const nowhere = history(writeConfig(1, 2000, 3000, 'info', 2), polls('node-1', 0, 6000, 250, { configVersion: 1 }), polls('node-2', 0, 6000, 250, { configVersion: 1 }));
  assert.equal(configAcknowledgedApplied.check(nowhere).valid, true);
  const superseded = history(h, writeConfig(2, 4000, 4100, 'ok', 3), polls('node-9', 0, 6000, 250, appliedAt(4200)));
  assert.ok(configAcknowledgedApplied.check(superseded).evidence.every((e) => !/unknown/.test(e.detail)), 'a later acknowledged v3 is judged instead');
});

test('a gap in a node\'s /status record after the write makes a clean history unknown', () => {
  const h = history(writeConfig(1, 2000, 2100, 'ok', 2), polls('node-1', 0, 2500, 250, appliedAt(2250)), polls('node-1', 3500, 6000, 250, appliedAt(2250)));
  const v = configAcknowledgedApplied.check(h);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.evidence[0]!.atMs, 2495);
  assert.equal(v.evidence[0]!.untilMs, 3495);
});

test('runs break on anything but an answered, registered, connected observation', () => {
  const h = history(status(0, 'node-1'), status(100, 'node-1', { zk: 'RECONNECTED' }), status(200, 'node-1', { answered: false }), status(300, 'node-1'), status(400, 'node-1', { registered: false }), status(500, 'node-1'));
  assert.deepEqual(connectedRuns(h).get('node-1')!.map((r) => r.map((s) => s.t)), [[0, 100], [300], [500]]);
});
