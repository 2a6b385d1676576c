import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMode } from './four-letter-words';

test('reads the mode from srvr', () => {
  assert.equal(parseMode('Zookeeper version: 3.9.3\nLatency min/avg/max: 0/0.0/0\nMode: leader\nNode count: 5\n'), 'leader');
  assert.equal(parseMode('Mode: follower\n'), 'follower');
  assert.equal(parseMode('This ZooKeeper instance is not currently serving requests\n'), 'not serving');
  assert.equal(parseMode(''), 'not serving');
});
