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

import { cutPlan, majoritiesRing } from './network-faults';

test('a partition plan has every side drop every other side', () => {
  const plan = cutPlan({ kind: 'partition', sides: [['zk-1', 'node-1'], ['zk-2'], ['zk-3']] });
  assert.deepEqual(plan.get('zk-1'), ['zk-2', 'zk-3']);
  assert.deepEqual(plan.get('zk-3'), ['zk-1', 'node-1', 'zk-2']);
});

test('a one-way cut acts from the first side only', () => {
  const plan = cutPlan({ kind: 'one-way-cut', sides: [['node-1'], ['zk-1', 'zk-2']], direction: 'outbound' });
  assert.deepEqual([...plan.keys()], ['node-1']);
});

test('in a majorities ring of five each member keeps exactly its two neighbours: a majority each, all different', () => {
  const members = ['zk-1', 'zk-2', 'zk-3', 'zk-4', 'zk-5'];
  const plan = majoritiesRing(members);
  assert.deepEqual(plan.get('zk-1'), ['zk-3', 'zk-4']);
  assert.deepEqual(plan.get('zk-3'), ['zk-1', 'zk-5']);
  const views = members.map((m) => members.filter((o) => !plan.get(m)!.includes(o)).sort().join(','));
  assert.ok(views.every((v) => v.split(',').length === 3), 'each sees 3 of 5');
  assert.equal(new Set(views).size, 5, 'no two see the same majority');
});

import { interfaceHolding } from '../../containers/nemesis/nemesis-sidecar';

test('finds the interface that holds the fleet address', () => {
  const listing = '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n23: eth0    inet 172.17.0.3/16 brd 172.17.255.255 scope global eth0\n25: eth1    inet 192.168.0.4/20 brd 192.168.15.255 scope global eth1';
  assert.equal(interfaceHolding(listing, '192.168.0.4'), 'eth1');
  assert.equal(interfaceHolding(listing, '10.0.0.1'), null);
});
