import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultLog } from './fault';

test('healAll undoes active faults newest first and marks them ended', async () => {
  const log = new FaultLog();
  const order: string[] = [];
  log.record('pause', ['zk-1'], async () => { order.push('zk-1'); });
  log.record('cut-off', ['node-2'], async () => { order.push('node-2'); });
  log.instant('kill', ['zk-3']);
  assert.equal(log.active().length, 2);
  await log.healAll();
  assert.deepEqual(order, ['node-2', 'zk-1']);
  assert.equal(log.active().length, 0);
  assert.ok(log.history().every((r) => r.endedAtMs !== null));
});

test('healing is idempotent and errors are collected, not short-circuited', async () => {
  const log = new FaultLog();
  let healed = 0;
  log.record('pause', ['a'], async () => { healed++; });
  log.record('pause', ['b'], async () => { throw new Error('engine gone'); });
  await assert.rejects(log.healAll(), /pause b: engine gone/);
  assert.equal(healed, 1);
  await assert.rejects(log.healAll(), /engine gone/);
  assert.equal(healed, 1, 'a healed fault is not healed twice');
});

test('a role used at a fault names that fault\'s target while it is active', async () => {
  const log = new FaultLog();
  log.record('pause', ['zk-2'], async () => undefined, { role: 'the ZooKeeper leader' });
  log.record('kill', ['zk-3'], async () => undefined, { role: 'a ZooKeeper follower' });
  assert.equal(log.targetUnderRole('the ZooKeeper leader', ['pause']), 'zk-2');
  assert.equal(log.targetUnderRole('the ZooKeeper leader', ['kill']), undefined);
  await log.healAll();
  assert.equal(log.targetUnderRole('the ZooKeeper leader', ['pause']), undefined);
});
