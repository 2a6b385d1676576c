import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('./fleet-order-plugin.js') as {
  fleetKey: (p: { steps: { text: string }[] }) => string;
  orderByFleet: <T extends { pickle: { steps: { text: string }[] } }>(ps: T[]) => T[];
};

const pickle = (name: string, ...steps: string[]) => ({ name, pickle: { steps: steps.map((text) => ({ text })) } });

test('scenarios asking for the same fleet run together, in the order each shape first appears; no fleet first', () => {
  const a1 = pickle('a1', 'a ZooKeeper ensemble of 3 members', '3 Jetty nodes behind the gateway', 'node-1 crashes');
  const b1 = pickle('b1', 'a ZooKeeper ensemble of 3 members', 'zk-1 is killed');
  const a2 = pickle('a2', '3 Jetty nodes behind the gateway', 'a ZooKeeper ensemble of 3 members');
  const none = pickle('none', 'running "x" fails with "y"');
  const s = pickle('s', 'a ZooKeeper ensemble of 3 members', '3 Jetty nodes behind the gateway', 'the Jetty nodes keep leadership until their ZooKeeper session is lost');
  const b2 = pickle('b2', 'a ZooKeeper ensemble of 3 members');
  assert.deepEqual(plugin.orderByFleet([a1, b1, s, a2, none, b2]).map((p) => p.name), ['none', 'a1', 'a2', 'b1', 'b2', 's']);
});

test('shapes around as many members run one after another, however the files interleave them', () => {
  const three = pickle('three', 'a ZooKeeper ensemble of 3 members', '3 Jetty nodes behind the gateway');
  const five = pickle('five', 'a ZooKeeper ensemble of 5 members');
  const threeBare = pickle('threeBare', 'a ZooKeeper ensemble of 3 members');
  const five2 = pickle('five2', 'a ZooKeeper ensemble of 5 members', '3 Jetty nodes');
  const nodesOnly = pickle('nodesOnly', '3 Jetty nodes');
  assert.deepEqual(plugin.orderByFleet([three, five, nodesOnly, threeBare, five2]).map((p) => p.name), ['three', 'threeBare', 'five2', 'five', 'nodesOnly']);
});

test('within one size the gateway goes before its nodes, the nodes before the bare ensemble, and nodes of another policy last', () => {
  const bare = pickle('bare', 'a ZooKeeper ensemble of 3 members');
  const session = pickle('session', 'a ZooKeeper ensemble of 3 members', '3 Jetty nodes behind the gateway', 'the Jetty nodes keep leadership until their ZooKeeper session is lost');
  const nodes = pickle('nodes', 'a ZooKeeper ensemble of 3 members', '3 Jetty nodes');
  const gated = pickle('gated', 'a ZooKeeper ensemble of 3 members', '3 Jetty nodes behind the gateway');
  assert.deepEqual(plugin.orderByFleet([bare, session, nodes, gated]).map((p) => p.name), ['gated', 'nodes', 'bare', 'session']);
});

test('every fleet-shaping Given step of the features is recognised (a miss would cost a build)', () => {
  const dir = join(__dirname, '..', '..', 'features');
  const givens = readdirSync(dir).filter((f) => f.endsWith('.feature'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .map((l) => /^\s*(Given|And) (.*)$/.exec(l)?.[2]?.trim())
    .filter((t): t is string => !!t && /ZooKeeper ensemble of|Jetty nodes( behind|$)|keep leadership/.test(t));
  assert.ok(givens.length > 10);
  for (const text of givens) assert.notEqual(plugin.fleetKey({ steps: [{ text }] }), '', `not recognised: "${text}"`);
});
