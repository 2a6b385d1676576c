import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FleetState } from './fleet-state';
import { HistoryEvent, NodeStatusObservation, RegistrationsObservation } from './events';
import { judges } from './state-judges';

const reg = (t: number, entries: [string, string][]): RegistrationsObservation =>
  ({ kind: 'observe', observer: 'registrations', t, sentAt: t - 2, epoch: 1, entries: entries.map(([node, owner]) => ({ id: `id-${node}-${owner}`, node, address: node, port: 8080, owner })) });
const status = (t: number, node: string, fields: Partial<NodeStatusObservation> = {}): NodeStatusObservation =>
  ({ kind: 'observe', observer: 'node-status', t, sentAt: t - 5, node, answered: true, registered: true, leader: false, zk: 'CONNECTED', configVersion: 1, session: `s-${node}`, ...fields });

test('a znode owned by the node\'s current session counts; one its node gave up does not, with its age', () => {
  const events: HistoryEvent[] = [
    reg(10, [['node-1', 's-node-1'], ['node-2', 'old-session']]),
    status(20, 'node-1'),
    status(30, 'node-2', { zk: 'LOST', session: null, registered: false }),
    status(530, 'node-2', { zk: 'LOST', session: null, registered: false }),
  ];
  const state = FleetState.of(events);
  const { nodes, stale } = state.registered();
  assert.deepEqual(nodes, ['node-1']);
  assert.equal(stale.length, 1);
  assert.equal(stale[0]!.node, 'node-2');
  assert.equal(stale[0]!.ageMs, 500);
  assert.equal(judges.registeredCount(2)(state).ok, false);
  assert.match(judges.registeredCount(2)(state).seen, /node-2's znode is owned by session old-session, not its current one \(none\)/);
  // "no longer registered" is about the znode itself: node-2's is still there.
  assert.equal(judges.znodeGone('node-2')(state).ok, false);
});

test('a node that does not answer is judged by its znode alone', () => {
  const state = FleetState.of([reg(10, [['node-1', 'whatever']]), status(20, 'node-1', { answered: false })]);
  assert.deepEqual(state.registered().nodes, ['node-1']);
});

test('a lost watch vouches for nothing: registration judges are false until it reads again', () => {
  const lost: HistoryEvent = { kind: 'observe', observer: 'registrations', t: 50, sentAt: 50, lost: true, epoch: 1 };
  const state = FleetState.of([reg(10, [['node-1', 's-node-1']]), status(20, 'node-1'), lost]);
  const j = judges.registeredCount(1)(state);
  assert.equal(j.ok, false);
  assert.match(j.seen, /lost its connection at 50 ms/);
  state.apply(reg(60, [['node-1', 's-node-1']]));
  assert.equal(judges.registeredCount(1)(state).ok, true);
});

test('one Jetty leader only when the latch\'s first participant is the only node saying leader', () => {
  const latch = (t: number, participants: string[]): HistoryEvent => ({ kind: 'observe', observer: 'latch', t, sentAt: t, epoch: 1, participants });
  const state = FleetState.of([latch(1, ['node-2', 'node-1']), status(2, 'node-1'), status(3, 'node-2', { leader: true })]);
  assert.equal(state.jettyLeader().leader, 'node-2');
  state.apply(status(4, 'node-1', { leader: true }));
  assert.equal(state.jettyLeader().leader, null, 'two claimants');
  assert.equal(judges.leaderStays('node-2')(state).ok, false);
  state.apply(status(5, 'node-1', { answered: false }));
  assert.equal(state.jettyLeader().leader, 'node-2', 'a node that does not answer is not counted');
});

test('one node\'s session judges: suspended, lost, and a claim that it kept its session which silence breaks', () => {
  const state = FleetState.of([status(1, 'node-1', { zk: 'SUSPENDED' })]);
  assert.equal(judges.nodeSuspended('node-1')(state).ok, true);
  assert.equal(judges.nodeKeepsSession('node-1')(state).ok, true);
  assert.equal(judges.nodeLostSession('node-1')(state).ok, false);
  assert.equal(judges.nodeKeepsSession('node-2')(state).ok, false, 'a node never observed vouches for nothing');
  state.apply(status(2, 'node-1', { answered: false }));
  assert.equal(judges.nodeKeepsSession('node-1')(state).ok, false, 'a node that stops answering breaks "does not report lost"');
  assert.equal(judges.nodeLostSession('node-1')(state).ok, false, 'nor does it report lost');
  state.apply(status(3, 'node-1', { zk: 'LOST', session: null }));
  assert.equal(judges.nodeLostSession('node-1')(state).ok, true);
  assert.equal(judges.nodeKeepsSession('node-1')(state).ok, false);
  assert.match(judges.nodeKeepsSession('node-1')(state).seen, /node-1 zk LOST, session none/);
});
