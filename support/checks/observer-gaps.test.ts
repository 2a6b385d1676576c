import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GAP_MS, gapsOverlapping, pollGaps, watchGaps } from './observer-gaps';
import { history, polls, registrations, status, step, watchLost } from './history-fixtures';
import { GatewayObservation, MemberModeObservation } from '../history/events';

test('steady polls leave no gap; a silence longer than GAP_MS between two polls is one', () => {
  const h = history(polls('node-1', 0, 1000, 200), polls('node-1', 1900, 2100, 200), polls('node-2', 0, 2100, 300));
  assert.deepEqual(pollGaps(h, 'node-status').map((g) => [g.subject, g.fromMs, g.untilMs]), [['node-1', 995, 1895]]);
});

test('a node that does not answer is observed, not a gap', () => {
  const h = history(polls('node-1', 0, 2000, 250, (t) => (t > 500 && t < 1500 ? { answered: false } : {})));
  assert.deepEqual(pollGaps(h, 'node-status'), []);
});

test('the tail after a subject\'s last poll is a gap when the history runs on', () => {
  const h = history(polls('node-1', 0, 1000, 250), polls('node-2', 0, 3000, 250), step(3000, 'Then something'));
  const gaps = pollGaps(h, 'node-status');
  assert.equal(gaps.length, 1);
  assert.equal(gaps[0]!.subject, 'node-1');
  assert.equal(gaps[0]!.untilMs, 3000);
});

test('the gateway and members are their own subjects', () => {
  const gw = (t: number): GatewayObservation => ({ kind: 'observe', observer: 'gateway', t, sentAt: t, answered: true });
  const mm = (t: number, member: string): MemberModeObservation => ({ kind: 'observe', observer: 'member-mode', t, sentAt: t, member, mode: 'follower', answered: false });
  const h = history(gw(0), gw(400), gw(1000), mm(0, 'zk-1'), mm(100, 'zk-2'), mm(1000, 'zk-1'), mm(1000, 'zk-2'));
  assert.deepEqual(pollGaps(h, 'gateway').map((g) => [g.subject, g.fromMs]), [['gateway', 400]]);
  assert.deepEqual(pollGaps(h, 'member-mode').map((g) => [g.subject, g.fromMs]), [['zk-1', 0], ['zk-2', 100]]);
});

test('a lost watch is a gap until its next snapshot, when that is longer than GAP_MS', () => {
  const h = history(
    registrations(0, ['node-1']), watchLost(100), registrations(100 + GAP_MS, ['node-1'], 2), // exactly GAP_MS: tolerated
    watchLost(1000), watchLost(1200), registrations(1800, ['node-1'], 3),
    watchLost(2500), status(3500, 'node-1'),
  );
  assert.deepEqual(watchGaps(h, 'registrations').map((g) => [g.fromMs, g.untilMs]), [[1000, 1800], [2500, 3500]]);
  assert.deepEqual(watchGaps(h, 'latch'), []);
  assert.equal(gapsOverlapping(watchGaps(h, 'registrations'), 1800, 2000).length, 1, 'a shared instant overlaps');
  assert.equal(gapsOverlapping(watchGaps(h, 'registrations'), 1801, 2499).length, 0);
});
