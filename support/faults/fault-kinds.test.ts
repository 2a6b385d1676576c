import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULT_KINDS, HEAL_PHRASINGS, faultColour } from './fault-kinds';
import { parameterCount } from './fault-kind';

test('every kind is listed once, and every phrasing once across all kinds', () => {
  const kinds = FAULT_KINDS.map((k) => k.kind);
  assert.equal(new Set(kinds).size, kinds.length);
  const patterns = [...FAULT_KINDS.flatMap((k) => k.phrasings), ...HEAL_PHRASINGS].map((p) => String(p.pattern));
  assert.equal(new Set(patterns).size, patterns.length);
});

test('what a step captures is counted, so cucumber gets a function of the right arity', () => {
  assert.equal(parameterCount('{member} is killed'), 1);
  assert.equal(parameterCount('the network heals'), 0);
  assert.equal(parameterCount(/^(\d+)% of packets are lost between (.+?) and (.+)$/), 3);
  assert.equal(parameterCount(/^the bandwidth of (node-\d+|zk-\d+) is limited to (\d+) kbit\/s$/), 2);
});

test('each kind is drawn in its own colour; an unknown one in the default', () => {
  assert.equal(new Set(FAULT_KINDS.map((k) => k.colour)).size, FAULT_KINDS.length);
  assert.equal(faultColour('no-such-kind'), '#607d8b');
});

test('descriptions read like the step that was written', () => {
  const kill = FAULT_KINDS.find((k) => k.kind === 'kill')!;
  assert.equal(kill.phrasings[0]!.describe({ kind: 'leader' }), 'the ZooKeeper leader is killed');
  const loss = FAULT_KINDS.find((k) => k.kind === 'packet-loss')!;
  assert.equal(loss.phrasings[0]!.describe('10', 'node-1', 'ZooKeeper'), '10% packet loss between node-1 and ZooKeeper');
});
