import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePartition } from './network-faults';

const members = ['zk-1', 'zk-2', 'zk-3'];

test('a partition reads its sides and names', () => {
  assert.deepEqual(parsePartition('zk-1, zk-2 and node-1 | zk-3, node-2 and node-3', members), [['zk-1', 'zk-2', 'node-1'], ['zk-3', 'node-2', 'node-3']]);
  assert.deepEqual(parsePartition('zk-1 | zk-2 | zk-3', members), [['zk-1'], ['zk-2'], ['zk-3']]);
});

test('every member must be on a side, once', () => {
  assert.throws(() => parsePartition('zk-1 | zk-2', members), /zk-3 is on none/);
  assert.throws(() => parsePartition('zk-1, zk-2, zk-3', members), /at least two sides/);
  assert.throws(() => parsePartition('zk-1, zk-2 | zk-2, zk-3', members), /zk-2 is on more than one side/);
});
