import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fleetProbes, watchedFleetProbes, judgeExactly, judgeCount, judgeRegistered, versionOf, judgeSelfRegistered } from './fleet-probes';
import { StartedFleet } from './started-fleet';
import { NodeStatus } from '../../containers/web-node/started-web-node';
import { GatewayStatus } from '../../containers/gateway/started-gateway';

// The registrations watch's snapshot, as the watched checks judge it.
type ChildrenSnapshot = Parameters<ReturnType<typeof watchedFleetProbes.isRegistered>['judge']>[0];
type CacheState = 'LATENT' | 'CONNECTING' | 'WATCHING' | 'CLOSED';

describe('judges of a registration list', () => {
  test('exactly: the same names in any order, nothing missing, nothing extra', () => {
    assert.deepEqual(judgeExactly(['node-1', 'node-2'])(['node-2', 'node-1']), { ok: true, seen: 'registered: node-2, node-1' });
    assert.deepEqual(judgeExactly(['node-1', 'node-2'])(['node-1']), { ok: false, seen: 'registered: node-1' });
    assert.equal(judgeExactly(['node-1', 'node-2'])(['node-1', 'node-2', 'node-3']).ok, false);
    assert.equal(judgeExactly(['node-1', 'node-2'])(['node-1', 'node-1']).ok, false);
    assert.deepEqual(judgeExactly([])([]), { ok: true, seen: 'registered: none' });
  });

  test('count: how many are registered, naming them', () => {
    assert.deepEqual(judgeCount(2)(['node-1', 'node-3']), { ok: true, seen: '2 registered: node-1, node-3' });
    assert.deepEqual(judgeCount(3)(['node-1', 'node-3']), { ok: false, seen: '2 registered: node-1, node-3' });
    assert.deepEqual(judgeCount(0)([]), { ok: true, seen: '0 registered: none' });
  });

  test('registered or not: one node\'s presence', () => {
    assert.deepEqual(judgeRegistered('node-2', true)(['node-1', 'node-2']), { ok: true, seen: 'registered: node-1, node-2' });
    assert.equal(judgeRegistered('node-2', false)(['node-1', 'node-2']).ok, false);
    assert.deepEqual(judgeRegistered('node-2', false)([]), { ok: true, seen: 'registered: none' });
    assert.equal(judgeRegistered('node-2', true)(['node-20']).ok, false);
  });
});

test('versionOf: a node\'s config version, else why there is none', () => {
  assert.equal(versionOf(status('node-1', { configVersion: 4 })), 4);
  assert.equal(versionOf('exited'), 'exited');
  assert.equal(versionOf('no answer (node-1 /status answered 503)'), 'no answer (node-1 /status answered 503)');
  assert.equal(versionOf(undefined), 'unknown');
});

// A fleet with only what the probes read: the view, the gateway and the registrations watch.
function status(node: string, over: Partial<NodeStatus> = {}): NodeStatus {
  return { node, registered: true, leader: false, zk: 'CONNECTED', configVersion: 1, rejected: null, ...over };
}

interface FakeState {
  registered?: string[];
  statuses?: Record<string, NodeStatus | string>;
  leader?: { leader: string | null; seen: string };
  gateway?: GatewayStatus;
  cache?: FakeCache;
}

class FakeCache {
  follows = 0;
  constructor(private readonly current: CacheState, private readonly history: ChildrenSnapshot[]) {}
  follow() { this.follows++; }
  state() { return this.current; }
  snapshots() { return this.history; }
  describe() { return `watch on /fleet/services/web: ${this.current}`; }
}

const fleetOf = (s: FakeState) => ({
  view: {
    registeredNodes: async () => [...(s.registered ?? [])],
    statuses: async () => ({ ...(s.statuses ?? {}) }),
    jettyLeader: async () => s.leader ?? { leader: null, seen: 'latch order []' },
  },
  gateway: () => ({ status: async () => s.gateway! }),
  watches: () => ({ registrations: s.cache! }),
}) as unknown as StartedFleet;

const registration = (node: string) => Buffer.from(JSON.stringify({ name: 'web', address: `${node}.fleet`, port: 8080, payload: { node } }));

function snapshot(nodes: string[]): ChildrenSnapshot {
  const children = new Map(nodes.map((n, i) => [`id-${i}`, registration(n)] as const));
  return { path: '/fleet/services/web', pathExists: true, children, owners: new Map(), epoch: 1, changedAtMs: null, readStartMs: 0, readEndMs: 1 };
}

describe('registration probes', () => {
  test('read the registrations from the view and judge them', async () => {
    const fleet = fleetOf({ registered: ['node-1', 'node-3'] });
    assert.deepEqual(await fleetProbes.registeredExactly(fleet, ['node-3', 'node-1']), { ok: true, seen: 'registered: node-1, node-3' });
    assert.equal((await fleetProbes.registeredExactly(fleet, ['node-1', 'node-2', 'node-3'])).ok, false);
    assert.deepEqual(await fleetProbes.registeredCount(fleet, 3), { ok: false, seen: '2 registered: node-1, node-3' });
    assert.equal((await fleetProbes.isRegistered(fleet, 'node-2', false)).ok, true);
    assert.equal((await fleetProbes.isRegistered(fleet, 'node-3', false)).ok, false);
  });

  test('the watch agrees when it is live and its newest snapshot shows exactly the names; it is told to follow first', async () => {
    const cache = new FakeCache('WATCHING', [snapshot(['node-1']), snapshot(['node-2', 'node-1'])]);
    const fleet = fleetOf({ cache });
    assert.deepEqual(watchedFleetProbes.watchAgrees(fleet, ['node-1', 'node-2']),
      { ok: true, seen: 'registered: node-1, node-2 (as the watch on /fleet/services/web saw it)' });
    assert.equal(cache.follows, 1);
    assert.equal(watchedFleetProbes.watchAgrees(fleet, ['node-1']).ok, false, 'only the newest snapshot counts');
  });

  test('a watch that is not live, or has seen nothing yet, does not agree and says its state', () => {
    const connecting = fleetOf({ cache: new FakeCache('CONNECTING', [snapshot(['node-1'])]) });
    assert.deepEqual(watchedFleetProbes.watchAgrees(connecting, ['node-1']), { ok: false, seen: 'watch on /fleet/services/web: CONNECTING' });
    const empty = fleetOf({ cache: new FakeCache('WATCHING', []) });
    assert.deepEqual(watchedFleetProbes.watchAgrees(empty, []), { ok: false, seen: 'watch on /fleet/services/web: WATCHING' });
  });

  test('watched checks judge each snapshot of the registrations watch by the node names in it', () => {
    const cache = new FakeCache('WATCHING', []);
    const fleet = fleetOf({ cache });
    const gone = watchedFleetProbes.isRegistered(fleet, 'node-2', false);
    assert.equal(gone.source as unknown, cache);
    assert.equal(gone.watching, '/fleet/services/web');
    assert.deepEqual(gone.judge(snapshot(['node-1', 'node-2'])), { ok: false, seen: 'registered: node-1, node-2' });
    assert.deepEqual(gone.judge(snapshot(['node-1'])), { ok: true, seen: 'registered: node-1' });
    const three = watchedFleetProbes.registeredCount(fleet, 3);
    assert.deepEqual(three.judge(snapshot(['node-3', 'node-1', 'node-2'])), { ok: true, seen: '3 registered: node-1, node-2, node-3' });
  });
});

describe('Jetty leader probes', () => {
  const seen = 'latch order [node-2, node-1], /status leader=true on [node-2]';

  test('exactly one Jetty leader when the view agrees on one; what it saw either way', async () => {
    assert.deepEqual(await fleetProbes.exactlyOneJettyLeader(fleetOf({ leader: { leader: 'node-2', seen } })), { ok: true, seen });
    assert.deepEqual(await fleetProbes.exactlyOneJettyLeader(fleetOf({ leader: { leader: null, seen: 'latch order []' } })), { ok: false, seen: 'latch order []' });
  });

  test('a new Jetty leader is one other than the previous, which the sentence names', async () => {
    const fleet = fleetOf({ leader: { leader: 'node-2', seen } });
    assert.deepEqual(await fleetProbes.newJettyLeader(fleet, 'node-2'), { ok: false, seen: `${seen} (previous leader node-2)` });
    assert.deepEqual(await fleetProbes.newJettyLeader(fleet, 'node-1'), { ok: true, seen: `${seen} (previous leader node-1)` });
    assert.deepEqual(await fleetProbes.newJettyLeader(fleet, null), { ok: true, seen: `${seen} (previous leader unknown)` });
    assert.equal((await fleetProbes.newJettyLeader(fleetOf({ leader: { leader: null, seen } }), 'node-2')).ok, false);
  });
});

test('the gateway routes only to the given nodes: its backends as a set, with its ZooKeeper state', async () => {
  const backend = (node: string) => ({ id: `id-${node}`, node, address: `${node}.fleet`, port: 8080 });
  const gateway: GatewayStatus = { zk: 'CONNECTED', backends: [backend('node-3'), backend('node-1')], leader: 'node-1', refused: [] };
  assert.deepEqual(await fleetProbes.gatewayRoutesOnlyTo(fleetOf({ gateway }), ['node-1', 'node-3']), { ok: true, seen: 'gateway backends: node-3, node-1 (zk CONNECTED)' });
  assert.equal((await fleetProbes.gatewayRoutesOnlyTo(fleetOf({ gateway }), ['node-1', 'node-2', 'node-3'])).ok, false);
  const empty: GatewayStatus = { ...gateway, zk: 'SUSPENDED', backends: [] };
  assert.deepEqual(await fleetProbes.gatewayRoutesOnlyTo(fleetOf({ gateway: empty }), ['node-1']), { ok: false, seen: 'gateway backends: none (zk SUSPENDED)' });
});

describe('config version probes', () => {
  test('registered nodes run a version: every registered node, whatever the unregistered ones run', async () => {
    const statuses = { 'node-1': status('node-1', { configVersion: 3 }), 'node-2': status('node-2', { configVersion: 2 }), 'node-3': status('node-3', { configVersion: 3 }) };
    assert.deepEqual(await fleetProbes.registeredRunVersion(fleetOf({ registered: ['node-1', 'node-3'], statuses }), 3), { ok: true, seen: 'node-1 v3, node-3 v3' });
    assert.deepEqual(await fleetProbes.registeredRunVersion(fleetOf({ registered: ['node-1', 'node-2'], statuses }), 3), { ok: false, seen: 'node-1 v3, node-2 v2' });
  });

  test('registered nodes run a version: none registered is not a yes; a registered node without a status is not either', async () => {
    assert.deepEqual(await fleetProbes.registeredRunVersion(fleetOf({ registered: [], statuses: {} }), 1), { ok: false, seen: 'no node registered' });
    const unanswered = await fleetProbes.registeredRunVersion(fleetOf({ registered: ['node-1', 'node-2'], statuses: { 'node-1': status('node-1') } }), 1);
    assert.equal(unanswered.ok, false);
    assert.match(unanswered.seen, /^node-1 v1, node-2 .*unknown$/);
  });

  test('running nodes run a version: stopped nodes are named with their state but do not count', async () => {
    const statuses = { 'node-1': status('node-1', { configVersion: 5 }), 'node-2': 'exited', 'node-3': status('node-3', { configVersion: 5 }) };
    assert.deepEqual(await fleetProbes.runningRunVersion(fleetOf({ statuses }), 5), { ok: true, seen: 'node-1 v5, node-2 exited, node-3 v5' });
    assert.deepEqual(await fleetProbes.runningRunVersion(fleetOf({ statuses }), 4), { ok: false, seen: 'node-1 v5, node-2 exited, node-3 v5' });
    assert.equal((await fleetProbes.runningRunVersion(fleetOf({ statuses: { 'node-1': 'exited', 'node-2': 'paused' } }), 5)).ok, false, 'nothing running is not a yes');
  });

  test('rejected everywhere: every running node reports the rejection of that zxid', async () => {
    const rejected = (zxid: number) => ({ version: 7, reason: 'not JSON', at: '2024-01-01T00:00:00Z', zxid });
    const both = { 'node-1': status('node-1', { rejected: rejected(42) }), 'node-2': status('node-2', { rejected: rejected(42) }), 'node-3': 'exited' };
    assert.deepEqual(await fleetProbes.rejectedEverywhere(fleetOf({ statuses: both }), 42),
      { ok: true, seen: 'node-1: rejected zxid 42 (not JSON); node-2: rejected zxid 42 (not JSON)' });
    assert.equal((await fleetProbes.rejectedEverywhere(fleetOf({ statuses: both }), 43)).ok, false, 'an older rejection is not this one');
    const one = { 'node-1': status('node-1', { rejected: rejected(42) }), 'node-2': status('node-2') };
    assert.deepEqual(await fleetProbes.rejectedEverywhere(fleetOf({ statuses: one }), 42),
      { ok: false, seen: 'node-1: rejected zxid 42 (not JSON); node-2: nothing rejected' });
    assert.equal((await fleetProbes.rejectedEverywhere(fleetOf({ statuses: { 'node-1': 'exited' } }), 42)).ok, false, 'nothing running is not a yes');
  });
});

describe('every node vouches for its own registration', () => {
  test('a killed node whose znode outlives it is not steady: its process does not answer, or says it is not registered yet', async () => {
    const up = (name: string, registered = true) => status(name, { registered });
    assert.deepEqual(judgeSelfRegistered({ 'node-1': up('node-1'), 'node-2': up('node-2') }), { ok: true, seen: 'every node says it is registered' });
    assert.deepEqual(judgeSelfRegistered({ 'node-1': up('node-1'), 'node-2': 'no answer (connect ECONNREFUSED)' }),
      { ok: false, seen: 'not registered by their own account: node-2 (no answer (connect ECONNREFUSED))' });
    assert.equal(judgeSelfRegistered({ 'node-1': up('node-1'), 'node-2': up('node-2', false) }).ok, false, 'a restarted JVM that has not registered yet');
    assert.equal(judgeSelfRegistered({ 'node-1': 'exited' }).ok, false, 'a stopped node');
    assert.equal(judgeSelfRegistered({}).ok, false, 'no node at all is not a yes');
    assert.equal((await fleetProbes.selfRegisteredWithOneJettyLeader(fleetOf({ statuses: { 'node-1': up('node-1', false) }, leader: { leader: 'node-1', seen: 'latch order [node-1]' } }))).ok, false);
    assert.equal((await fleetProbes.selfRegisteredWithOneJettyLeader(fleetOf({ statuses: { 'node-1': up('node-1') } }))).ok, false, 'registered, but nobody leads');
    assert.equal((await fleetProbes.selfRegisteredWithOneJettyLeader(fleetOf({ statuses: { 'node-1': up('node-1') }, leader: { leader: 'node-1', seen: 'latch order [node-1]' } }))).ok, true);
  });
});
