import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  MEMBER_PATTERN, NODE_PATTERN, NODE_LIST_PATTERN, parseMemberRef, parseNodeRef, parseNodeList,
  describeMemberRef, describeNodeRef, resolveMember, resolveNode, MemberRef, NodeRef,
} from './targets';
import { SeededRandom } from './seeded-random';
import { StartedFleet } from './started-fleet';
import { nodeNames } from './fleet-builder';
import { FleetView } from '../clients/fleet-view';
import { FleetNetwork } from '../docker/fleet-network';
import { StartedZooKeeperEnsemble } from '../../containers/zookeeper/started-zookeeper-ensemble';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { MemberMode } from '../../containers/zookeeper/four-letter-words';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { timingProfile } from '../../containers/shared/timing-profile';
import { NoRoleHolderError, UnknownNameError } from '../../containers/shared/errors';

// The vocabulary's parameter types embed these patterns in a step: a whole phrase must match, nothing more.
const whole = (pattern: RegExp) => new RegExp(`^(?:${pattern.source})$`);

describe('parsing the vocabulary', () => {
  test('member refs: a name, the leader, a follower; the pattern takes only those phrases', () => {
    assert.deepEqual(parseMemberRef('zk-2'), { kind: 'name', name: 'zk-2' });
    assert.deepEqual(parseMemberRef('the ZooKeeper leader'), { kind: 'leader' });
    assert.deepEqual(parseMemberRef('a ZooKeeper follower'), { kind: 'follower' });
    for (const phrase of ['zk-2', 'zk-10', 'the ZooKeeper leader', 'a ZooKeeper follower']) assert.match(phrase, whole(MEMBER_PATTERN), phrase);
    for (const phrase of ['zk-', 'node-1', 'the zookeeper leader', 'the ZooKeeper follower', 'a ZooKeeper leader']) assert.doesNotMatch(phrase, whole(MEMBER_PATTERN), phrase);
  });

  test('node refs: a name, the Jetty leader, a Jetty follower; the pattern takes only those phrases', () => {
    assert.deepEqual(parseNodeRef('node-1'), { kind: 'name', name: 'node-1' });
    assert.deepEqual(parseNodeRef('the Jetty leader'), { kind: 'leader' });
    assert.deepEqual(parseNodeRef('a Jetty follower'), { kind: 'follower' });
    for (const phrase of ['node-1', 'node-12', 'the Jetty leader', 'a Jetty follower']) assert.match(phrase, whole(NODE_PATTERN), phrase);
    for (const phrase of ['zk-1', 'node-', 'the jetty leader', 'the Jetty follower', 'a Jetty leader']) assert.doesNotMatch(phrase, whole(NODE_PATTERN), phrase);
  });

  test('node lists: one, two joined by "and", three with a comma, in the order written', () => {
    assert.deepEqual(parseNodeList('node-2'), ['node-2']);
    assert.deepEqual(parseNodeList('node-1 and node-3'), ['node-1', 'node-3']);
    assert.deepEqual(parseNodeList('node-1, node-2 and node-3'), ['node-1', 'node-2', 'node-3']);
    assert.deepEqual(parseNodeList('node-3, node-1'), ['node-3', 'node-1']);
    for (const phrase of ['node-2', 'node-1 and node-3', 'node-1, node-2 and node-3']) assert.match(phrase, whole(NODE_LIST_PATTERN), phrase);
    for (const phrase of ['node-1 and zk-1', 'node-1,node-2', 'node-1 and', 'the Jetty leader']) assert.doesNotMatch(phrase, whole(NODE_LIST_PATTERN), phrase);
  });

  test('a ref describes itself as the phrase it was parsed from', () => {
    for (const phrase of ['zk-3', 'the ZooKeeper leader', 'a ZooKeeper follower']) assert.equal(describeMemberRef(parseMemberRef(phrase)), phrase);
    for (const phrase of ['node-2', 'the Jetty leader', 'a Jetty follower']) assert.equal(describeNodeRef(parseNodeRef(phrase)), phrase);
  });
});

// A fleet from the real StartedFleet and StartedZooKeeperEnsemble (so the sentences are the ones users see),
// with members that answer a mode from `modes` and a FleetView replaced by `view`.
interface FakeView { jettyLeader(): Promise<{ leader: string | null; seen: string }>; registeredNodes(): Promise<string[]> }

function fleetOf(modes: Record<string, MemberMode>, webNodes: number, view: FakeView = unusedView): StartedFleet {
  const members = Object.keys(modes).map((name) => ({ name, mode: async () => modes[name] }) as unknown as StartedZooKeeperMember);
  const ensemble = new StartedZooKeeperEnsemble(members, timingProfile('fast'));
  const nodes = nodeNames(webNodes).map((name) => ({ name }) as unknown as StartedWebNode);
  const spec = { zookeeperMembers: members.length, webNodes, gateway: false };
  const fleet = new StartedFleet(spec, {} as FleetNetwork, ensemble, { user: 'operator', password: 'x' }, nodes);
  return Object.assign(fleet, { view: view as unknown as FleetView });
}

const unusedView: FakeView = {
  jettyLeader: () => Promise.reject(new Error('the view was consulted')),
  registeredNodes: () => Promise.reject(new Error('the view was consulted')),
};

const jettyView = (state: { leader: string | null; registered: string[] }): FakeView => ({
  jettyLeader: async () => ({ leader: state.leader, seen: `latch order [${state.registered.join(', ')}], /status leader=true on [${state.leader ?? ''}]` }),
  registeredNodes: async () => [...state.registered],
});

const member = (fleet: StartedFleet, text: string, seed = 1, waitMs = 0) => resolveMember(fleet, parseMemberRef(text), new SeededRandom(seed), waitMs);
const node = (fleet: StartedFleet, text: string, seed = 1, waitMs = 0) => resolveNode(fleet, parseNodeRef(text), new SeededRandom(seed), waitMs);

describe('resolving a ZooKeeper member', () => {
  const steady = (): Record<string, MemberMode> => ({ 'zk-1': 'follower', 'zk-2': 'leader', 'zk-3': 'follower' });

  test('a name is that member; the leader is the member that leads now', async () => {
    const fleet = fleetOf(steady(), 0);
    assert.equal((await member(fleet, 'zk-3')).name, 'zk-3');
    assert.equal((await member(fleet, 'the ZooKeeper leader')).name, 'zk-2');
  });

  test('an unknown name is one sentence naming the members, and is not waited for', async () => {
    const fleet = fleetOf(steady(), 0);
    const started = Date.now();
    await assert.rejects(member(fleet, 'zk-9', 1, 5000), (e: Error) => {
      assert.ok(e instanceof UnknownNameError);
      assert.equal(e.message, 'zk-9 is not a member of this ensemble (zk-1, zk-2, zk-3).');
      return true;
    });
    assert.ok(Date.now() - started < 1000, 'an unknown name fails at once, whatever the wait');
  });

  test('no leader (an election under way) is one sentence with every member\'s mode', async () => {
    const fleet = fleetOf({ 'zk-1': 'not serving', 'zk-2': 'unreachable', 'zk-3': 'follower' }, 0);
    await assert.rejects(member(fleet, 'the ZooKeeper leader'), (e: Error) => {
      assert.ok(e instanceof NoRoleHolderError);
      assert.equal(e.message, 'Nobody is the ZooKeeper leader right now (zk-1 not serving, zk-2 unreachable, zk-3 follower).');
      return true;
    });
  });

  test('no follower is one sentence with every member\'s mode', async () => {
    const fleet = fleetOf({ 'zk-1': 'leader', 'zk-2': 'unreachable', 'zk-3': 'not serving' }, 0);
    await assert.rejects(member(fleet, 'a ZooKeeper follower'), {
      name: 'NoRoleHolderError',
      message: 'Nobody is a ZooKeeper follower right now (zk-1 leader, zk-2 unreachable, zk-3 not serving).',
    });
  });

  test('with a wait, a role is resolved once an election gives it a holder', async () => {
    const modes: Record<string, MemberMode> = { 'zk-1': 'not serving', 'zk-2': 'unreachable', 'zk-3': 'not serving' };
    const fleet = fleetOf(modes, 0);
    setTimeout(() => Object.assign(modes, { 'zk-1': 'follower', 'zk-3': 'leader' }), 150);
    assert.equal((await member(fleet, 'the ZooKeeper leader', 1, 5000)).name, 'zk-3');
  });

  test('with a wait that runs out, the sentence is the role\'s, after the wait', async () => {
    const fleet = fleetOf({ 'zk-1': 'not serving', 'zk-2': 'not serving', 'zk-3': 'not serving' }, 0);
    const started = Date.now();
    await assert.rejects(member(fleet, 'the ZooKeeper leader', 1, 250), { message: 'Nobody is the ZooKeeper leader right now (zk-1 not serving, zk-2 not serving, zk-3 not serving).' });
    assert.ok(Date.now() - started >= 250);
  });

  test('"a ZooKeeper follower" is picked with the seeded random: the same seed picks the same one, never the leader', async () => {
    const fleet = fleetOf({ 'zk-1': 'follower', 'zk-2': 'follower', 'zk-3': 'leader', 'zk-4': 'follower', 'zk-5': 'follower' }, 0);
    const picks: string[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const first = (await member(fleet, 'a ZooKeeper follower', seed)).name;
      assert.equal((await member(fleet, 'a ZooKeeper follower', seed)).name, first, `seed ${seed} picked differently on a replay`);
      picks.push(first);
    }
    assert.deepEqual([...new Set(picks)].sort(), ['zk-1', 'zk-2', 'zk-4', 'zk-5'], 'every follower (and only followers) is picked by some seed');
  });

  test('successive picks from one random follow its sequence, so a replayed run picks the same members in the same order', async () => {
    const fleet = fleetOf({ 'zk-1': 'follower', 'zk-2': 'leader', 'zk-3': 'follower', 'zk-4': 'follower' }, 0);
    const run = async (seed: number) => {
      const random = new SeededRandom(seed);
      const ref: MemberRef = { kind: 'follower' };
      const names: string[] = [];
      for (let i = 0; i < 8; i++) names.push((await resolveMember(fleet, ref, random)).name);
      return names;
    };
    assert.deepEqual(await run(7), await run(7));
  });
});

describe('resolving a Jetty node', () => {
  test('a name is that node, without asking ZooKeeper or the nodes', async () => {
    const fleet = fleetOf({ 'zk-1': 'leader' }, 3);
    assert.equal((await node(fleet, 'node-2')).name, 'node-2');
  });

  test('an unknown name is one sentence naming the nodes; a fleet without nodes says so', async () => {
    await assert.rejects(node(fleetOf({ 'zk-1': 'leader' }, 3), 'node-7'), (e: Error) => {
      assert.ok(e instanceof UnknownNameError);
      assert.equal(e.message, 'node-7 is not in this fleet (node-1, node-2, node-3).');
      return true;
    });
    await assert.rejects(node(fleetOf({ 'zk-1': 'leader' }, 0), 'node-1'), { message: 'node-1 is not in this fleet (it has no Jetty nodes).' });
  });

  test('the Jetty leader is the node the view agrees leads', async () => {
    const fleet = fleetOf({ 'zk-1': 'leader' }, 3, jettyView({ leader: 'node-3', registered: ['node-1', 'node-2', 'node-3'] }));
    assert.equal((await node(fleet, 'the Jetty leader')).name, 'node-3');
  });

  test('no agreed Jetty leader is one sentence with what the view saw', async () => {
    const fleet = fleetOf({ 'zk-1': 'leader' }, 3, jettyView({ leader: null, registered: [] }));
    for (const phrase of ['the Jetty leader', 'a Jetty follower']) {
      await assert.rejects(node(fleet, phrase), (e: Error) => {
        assert.ok(e instanceof NoRoleHolderError);
        assert.equal(e.message, `Nobody is ${phrase} right now (latch order [], /status leader=true on []).`);
        return true;
      });
    }
  });

  test('a Jetty follower is a registered node other than the leader; with none registered, nobody is one', async () => {
    const state = { leader: 'node-1' as string | null, registered: ['node-1', 'node-3'] };
    const fleet = fleetOf({ 'zk-1': 'leader' }, 3, jettyView(state));
    for (let seed = 1; seed <= 20; seed++) assert.equal((await node(fleet, 'a Jetty follower', seed)).name, 'node-3', `seed ${seed}`);
    state.registered = ['node-1'];
    await assert.rejects(node(fleet, 'a Jetty follower'), { message: 'Nobody is a Jetty follower right now (latch order [node-1], /status leader=true on [node-1]).' });
  });

  test('"a Jetty follower" is picked with the seeded random: the same seed picks the same one', async () => {
    const fleet = fleetOf({ 'zk-1': 'leader' }, 5, jettyView({ leader: 'node-2', registered: ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'] }));
    const picks: string[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const first = (await node(fleet, 'a Jetty follower', seed)).name;
      assert.equal((await node(fleet, 'a Jetty follower', seed)).name, first, `seed ${seed} picked differently on a replay`);
      picks.push(first);
    }
    assert.deepEqual([...new Set(picks)].sort(), ['node-1', 'node-3', 'node-4', 'node-5']);
  });

  test('with a wait, the Jetty leader is resolved once one is agreed', async () => {
    const state = { leader: null as string | null, registered: ['node-1', 'node-2'] };
    const fleet = fleetOf({ 'zk-1': 'leader' }, 2, jettyView(state));
    setTimeout(() => { state.leader = 'node-2'; }, 150);
    const ref: NodeRef = { kind: 'leader' };
    assert.equal((await resolveNode(fleet, ref, new SeededRandom(1), 5000)).name, 'node-2');
  });
});
