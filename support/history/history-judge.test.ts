import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History } from './history';
import { NodeStatusObservation, RegistrationsObservation } from './events';
import { withinHistory, judgeNow, holdsInHistory } from './history-judge';
import { judges } from './state-judges';

type Fields = Partial<Omit<NodeStatusObservation, 'kind' | 'observer' | 't'>>;
const status = (node: string, sentAt: number, fields: Fields = {}): Omit<NodeStatusObservation, 't'> =>
  ({ kind: 'observe', observer: 'node-status', sentAt, node, answered: true, registered: true, leader: false, zk: 'CONNECTED', configVersion: 1, ...fields });
const registrations = (nodes: string[], sentAt = 0): Omit<RegistrationsObservation, 't'> =>
  ({ kind: 'observe', observer: 'registrations', sentAt, epoch: 1, entries: nodes.map((n) => ({ id: n, node: n, address: n, port: 8080, owner: '0' })) });

/** A history whose origin is `performance.now()` minus `ago` ms, so events can be placed in the recent past. */
function historyStartedAgo(ago: number): History {
  return new History(performance.now() - ago);
}

test('within: the first instant the condition holds after the fault, with the window of the last false observation', async () => {
  const h = historyStartedAgo(1000);
  h.append(registrations(['node-1', 'node-2'], 98), 100);
  h.append(registrations(['node-1'], 698), 700);
  const fault = (t: number) => h.originMs + t;
  const m = await withinHistory(h, 'exactly 1 registered', judges.registeredCount(1), 5000, { sinceMs: fault(500), fromMs: fault(400) });
  assert.equal(m.met, true);
  assert.equal(Math.round(m.measuredMs!), 200);
  assert.equal(Math.round(m.lastFalseMs!), -100, 'last seen false at the start of the fault step');
  assert.equal(Math.round(m.firstTrueMs!), 200);
  assert.match(m.observedBy, /watch on \/fleet\/services\/web/);
});

test('within: true before the fault step ended counts as 0 ms', async () => {
  const h = historyStartedAgo(1000);
  h.append(registrations(['node-1', 'node-2']), 100);
  h.append(registrations(['node-1']), 450);
  const m = await withinHistory(h, 'exactly 1 registered', judges.registeredCount(1), 5000, { sinceMs: h.originMs + 500, fromMs: h.originMs + 400 });
  assert.equal(m.measuredMs, 0);
  assert.equal(Math.round(m.firstTrueMs!), -50);
});

test('within: waits for events still to come, and misses when none makes it true in twice the deadline', async () => {
  const h = historyStartedAgo(0);
  h.append(registrations(['node-1', 'node-2']));
  const since = performance.now();
  const pending = withinHistory(h, 'exactly 1 registered', judges.registeredCount(1), 100, { sinceMs: since });
  setTimeout(() => h.append(registrations(['node-1'])), 30);
  const m = await pending;
  assert.equal(m.met, true);
  assert.ok(m.measuredMs! >= 25 && m.measuredMs! < 200, `measured ${m.measuredMs}`);

  const missed = await withinHistory(h, 'exactly 3 registered', judges.registeredCount(3), 50, { sinceMs: performance.now() });
  assert.equal(missed.met, false);
  assert.equal(missed.measuredMs, null);
  assert.match(missed.lastSeen, /1 registered: node-1/);
});

test('right now: judged only on observations made after the step began', async () => {
  const h = historyStartedAgo(0);
  h.header = { scenario: 's', feature: 'f', startedAt: '', observers: { 'node-status': 50 }, nodes: ['node-1'], members: [], gateway: false };
  h.append(status('node-1', 0, { configVersion: 1 }));
  const stepStart = performance.now();
  const judging = judgeNow(h, 'every node on v2', judges.everyNodeRunsVersion(2), stepStart);
  // The old observation said v1; the fresh one says v2: the step must wait for it and pass.
  setTimeout(() => h.append(status('node-1', h.now(), { configVersion: 2 })), 20);
  const j = await judging;
  assert.equal(j.ok, true);
  await assert.rejects(judgeNow(h, 'every node on v3', judges.everyNodeRunsVersion(3), performance.now() + 10_000), /no fresh observation of node-status node-1/);
});

test('for a span: the first event that breaks the condition fails the step with when and what', async () => {
  const h = historyStartedAgo(0);
  h.append(registrations(['node-1']));
  const start = performance.now();
  setTimeout(() => h.append(registrations([])), 20);
  await assert.rejects(holdsInHistory(h, 'node-1 to stay registered', judges.isRegistered('node-1'), 200, start), /Expected node-1 to stay registered to hold, but after \d+ ms it did not: registered: none/);
  const h2 = historyStartedAgo(0);
  h2.append(registrations(['node-1']));
  assert.ok((await holdsInHistory(h2, 'node-1 to stay registered', judges.isRegistered('node-1'), 50, performance.now())) >= 1);
});

test('within: a polled observer\'s window runs from its previous answer, however many other events came between', async () => {
  const h = historyStartedAgo(1000);
  h.header = { scenario: 's', feature: 'f', startedAt: '', observers: { 'node-status': 50 }, nodes: ['node-1', 'node-2'], members: [], gateway: false };
  h.append(status('node-1', 95, { configVersion: 1 }), 100);
  for (let t = 110; t < 150; t += 5) h.append(status('node-2', t - 1, { configVersion: 2 }), t);
  h.append(status('node-1', 145, { configVersion: 2 }), 150);
  const m = await withinHistory(h, 'every node on v2', judges.everyNodeRunsVersion(2), 5000, { sinceMs: h.originMs + 50 });
  assert.equal(Math.round(m.firstTrueMs!), 100);
  assert.equal(Math.round(m.lastFalseMs!), 50, 'node-1 was last seen on v1 at 100 ms: the window is 50 ms wide, not 5');
});
