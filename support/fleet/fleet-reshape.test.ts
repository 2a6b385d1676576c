import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reshapePlan } from './fleet-reshape';

const gw = { zookeeperMembers: 3, webNodes: 3, gateway: true };

test('the suite\'s shapes around 3 members: the gateway goes alone, then the nodes; nodes of another policy are new, and so is their gateway', () => {
  assert.deepEqual(reshapePlan(gw, { ...gw, gateway: false }), { keepNodes: true, keepGateway: false });
  assert.deepEqual(reshapePlan({ ...gw, gateway: false }, { zookeeperMembers: 3, webNodes: 0, gateway: false }), { keepNodes: false, keepGateway: false });
  assert.deepEqual(reshapePlan({ zookeeperMembers: 3, webNodes: 0, gateway: false }, { ...gw, leaderPolicy: 'session' }), { keepNodes: false, keepGateway: false });
  assert.deepEqual(reshapePlan(gw, { ...gw, leaderPolicy: 'session' }), { keepNodes: false, keepGateway: false });
});

test('a gateway is kept only with the nodes it routes to; nodes only in the same number', () => {
  assert.deepEqual(reshapePlan({ ...gw, gateway: false }, gw), { keepNodes: true, keepGateway: false });
  assert.deepEqual(reshapePlan(gw, { ...gw, webNodes: 5 }), { keepNodes: false, keepGateway: false });
  assert.deepEqual(reshapePlan({ ...gw, leaderPolicy: 'standard' }, { ...gw, gateway: false }), { keepNodes: true, keepGateway: false });
});

test('no reshape to another ensemble size, to the same shape (that is a reset), or to no fleet', () => {
  assert.equal(reshapePlan(gw, { ...gw, zookeeperMembers: 5 }), null);
  assert.equal(reshapePlan(gw, { ...gw }), null);
  assert.equal(reshapePlan(gw, { zookeeperMembers: 0, webNodes: 0, gateway: false }), null);
});
