import { test } from 'node:test';
import assert from 'node:assert/strict';
import { singleJettyLeader, claimRuns } from './single-jetty-leader';
import { history, polls, status } from './history-fixtures';

const leaderWhile = (from: number, until: number) => (t: number) => ({ leader: t >= from && t <= until });

test('a clean handover (one stops claiming before the other starts) holds', () => {
  const h = history(polls('node-1', 0, 3000, 250, leaderWhile(0, 1000)), polls('node-2', 0, 3000, 250, leaderWhile(1250, 3000)), polls('node-3', 0, 3000, 250));
  const v = singleJettyLeader.check(h);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.claimRuns, 2);
});

test('a paused old leader that still says it leads while another leads is two leaders at once', () => {
  // node-1 answers leader:true up to 2000 (a stale belief); node-2 took over at 1500.
  const h = history(polls('node-1', 0, 3000, 250, leaderWhile(0, 2000)), polls('node-2', 0, 3000, 250, leaderWhile(1500, 3000)));
  const v = singleJettyLeader.check(h);
  assert.equal(v.valid, false);
  assert.equal(v.evidence.length, 1);
  assert.deepEqual(v.evidence[0]!.participants, ['node-1', 'node-2']);
  assert.equal(v.evidence[0]!.atMs, 1500);
  assert.equal(v.evidence[0]!.untilMs, 2000);
  assert.match(v.evidence[0]!.detail, /both said they led for 500 ms from 1500 ms/);
  assert.equal(v.figures?.longestOverlapMs, 500);
});

test('two single answers at the same instant are an overlap of 0 ms', () => {
  const h = history(status(100, 'node-1', { leader: true }), status(100, 'node-2', { leader: true }), status(300, 'node-1'), status(300, 'node-2'));
  const v = singleJettyLeader.check(h);
  assert.equal(v.valid, false);
  assert.equal(v.figures?.overlaps, 1);
  assert.equal(v.figures?.longestOverlapMs, 0);
});

test('a node that stops answering ends its claim; answering leader again starts a new one', () => {
  const h = history(status(0, 'node-1', { leader: true }), status(200, 'node-1', { answered: false }), status(400, 'node-1', { leader: true }), status(300, 'node-2', { leader: true }), status(350, 'node-2'));
  assert.deepEqual(claimRuns(h).map((r) => [r.node, r.fromMs, r.untilMs]), [['node-1', 0, 0], ['node-2', 300, 300], ['node-1', 400, 400]]);
  assert.equal(singleJettyLeader.check(h).valid, true);
});

test('a gap in a node\'s /status record makes a clean history unknown, naming the gap', () => {
  const h = history(polls('node-1', 0, 1000, 250, { leader: true }), polls('node-1', 2000, 3000, 250, { leader: true }), polls('node-2', 0, 3000, 250));
  const v = singleJettyLeader.check(h);
  assert.equal(v.valid, 'unknown');
  assert.deepEqual(v.evidence[0]!.participants, ['node-1']);
  assert.equal(v.evidence[0]!.atMs, 995);
  assert.match(v.evidence[0]!.detail, /no node-status observation of node-1 for 1000 ms from 995 ms/);
});

test('an overlap wins over a gap; no nodes is nothing to judge', () => {
  const h = history(polls('node-1', 0, 1000, 250, { leader: true }), polls('node-1', 2000, 3000, 250), polls('node-2', 0, 3000, 250, leaderWhile(500, 600)));
  assert.equal(singleJettyLeader.check(h).valid, false);
  const empty = singleJettyLeader.check([]);
  assert.equal(empty.valid, true);
  assert.match(empty.summary, /nothing to judge/);
});
