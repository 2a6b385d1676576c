import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { burstLossFor, latencyOf, shaperArgs, shapingPlan } from './link-shaping';

const plan = (m: ReturnType<typeof shapingPlan>) => Object.fromEntries([...m].map(([k, v]) => [k, `${v.chain} ${v.peers.join(',')}`]));

test('delay is applied where packets arrive: both ways, each receiver queues what comes from the other side', () => {
  const both = shapingPlan({ kind: 'latency', from: ['node-1'], to: ['zk-1', 'zk-2'], bothWays: true, shape: { delayMs: 200 } });
  assert.deepEqual(plan(both), { 'zk-1': 'INPUT node-1', 'zk-2': 'INPUT node-1', 'node-1': 'INPUT zk-1,zk-2' });
  const oneWay = shapingPlan({ kind: 'latency', from: ['node-1'], to: ['zk-1', 'zk-2'], bothWays: false, shape: { delayMs: 200 } });
  assert.deepEqual(plan(oneWay), { 'zk-1': 'INPUT node-1', 'zk-2': 'INPUT node-1' });
});

test('duplication is applied where packets leave; a container on both ends is refused', () => {
  const dup = shapingPlan({ kind: 'duplicate', from: ['node-1'], to: ['zk-1'], bothWays: true, shape: { duplicateShare: 0.05 } });
  assert.deepEqual(plan(dup), { 'node-1': 'OUTPUT zk-1', 'zk-1': 'OUTPUT node-1' });
  assert.throws(() => shapingPlan({ kind: 'latency', from: ['zk-1'], to: ['zk-1', 'zk-2'], bothWays: true, shape: {} }), /zk-1 is on both ends of the link/);
});

test('shaper arguments name only what is asked', () => {
  assert.deepEqual(shaperArgs({ delayMs: 200, jitterMs: 50 }), ['-d', '200', '-j', '50']);
  assert.deepEqual(shaperArgs({ delayMs: 20, reorderShare: 0.2 }), ['-d', '20', '-r', '0.2']);
  assert.deepEqual(shaperArgs({ burstLoss: { p: 0.1, r: 0.5 } }), ['-l', '0.1', '-b', '0.5']);
  assert.deepEqual(shaperArgs({ duplicateShare: 0.05 }), ['-u', '0.05']);
});

test('burst loss parameters give the asked mean loss and mean burst', () => {
  const { p, r } = burstLossFor(0.2, 3);
  assert.ok(Math.abs(p / (p + r) - 0.2) < 1e-9);
  assert.ok(Math.abs(1 / r - 3) < 1e-9);
  assert.throws(() => burstLossFor(0), /between 0 and 100%/);
  assert.throws(() => burstLossFor(1), /between 0 and 100%/);
});

test('ping statistics: median and p99 of the answered pings', () => {
  const l = latencyOf([400.2, 401, 399.5, 402.3, 450]);
  assert.equal(l.medianMs, 401);
  assert.equal(l.p99Ms, 450);
  assert.equal(l.samples, 5);
});
