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
  log.record('pause', ['zk-2'], async () => undefined, { params: { role: 'the ZooKeeper leader' } });
  log.record('kill', ['zk-3'], async () => undefined, { params: { role: 'a ZooKeeper follower' } });
  assert.equal(log.targetUnderRole('the ZooKeeper leader', ['pause']), 'zk-2');
  assert.equal(log.targetUnderRole('the ZooKeeper leader', ['kill']), undefined);
  await log.healAll();
  assert.equal(log.targetUnderRole('the ZooKeeper leader', ['pause']), undefined);
});

test('a fault starts when applying it began, not when the engine returned', () => {
  const events: string[] = [];
  const log = new FaultLog((phase, r) => events.push(`${phase} ${r.kind} ${r.startedAtMs}`));
  log.record('kill', ['node-1'], async () => undefined, { startedAtMs: 123 });
  assert.deepEqual(events, ['start kill 123']);
  assert.equal(log.history()[0]!.family, 'container');
});

test('an instant spans from when it began to when it was recorded', () => {
  const log = new FaultLog();
  log.instant('restart', ['zk-1'], { startedAtMs: performance.now() - 50 });
  const r = log.history()[0]!;
  assert.ok(r.endedAtMs! - r.startedAtMs >= 49);
  assert.equal(log.active().length, 0);
});
