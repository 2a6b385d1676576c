import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { History } from './history';
import { HistoryEvent, StepEvent } from './events';

const step = (text: string): Omit<StepEvent, 't'> => ({ kind: 'step', phase: 'start', text });

test('events stay sorted by time even when one is stamped earlier than the last', () => {
  const h = new History(0);
  h.append(step('b'), 20);
  h.append(step('c'), 30);
  h.append(step('a'), 10);
  assert.deepEqual(h.events().map((e) => (e as StepEvent).text), ['a', 'b', 'c']);
});

test('an operation is invoked once and completed once: a late second completion is ignored', () => {
  const h = new History();
  const complete = h.invoke('operator', 'write-config', { version: 2 });
  complete('ok', { version: 2, zxid: 7 });
  complete('info');
  const ops = h.events().filter((e) => e.kind === 'op');
  assert.deepEqual(ops.map((e) => e.kind === 'op' && e.type), ['invoke', 'ok']);
  assert.equal(ops[0]!.kind === 'op' && ops[1]!.kind === 'op' && ops[0]!.id === ops[1]!.id, true);
});

test('subscribers see every event appended after they subscribed, until they unsubscribe', () => {
  const h = new History();
  const seen: HistoryEvent[] = [];
  h.append(step('before'));
  const unsubscribe = h.subscribe((e) => seen.push(e));
  h.append(step('during'));
  unsubscribe();
  h.append(step('after'));
  assert.deepEqual(seen.map((e) => (e as StepEvent).text), ['during']);
});

test('NDJSON has the header first and one parseable event per line', () => {
  const h = new History();
  h.header = { scenario: 's', feature: 'f', startedAt: 'now', observers: { 'node-status': 50 }, nodes: ['node-1'], members: ['zk-1'], gateway: false };
  h.append(step('x'));
  const lines = h.toNdjson().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].kind, 'header');
  assert.equal(lines[0].scenario, 's');
  assert.equal(lines[1].kind, 'step');
});

test('the history clock: a performance.now() reading minus the origin, before the origin negative', () => {
  const h = new History(10_000);
  assert.equal(h.at(10_000), 0);
  assert.equal(h.at(10_250.5), 250.5);
  assert.equal(h.at(9_900), -100);
});

test('now() is the elapsed performance.now() time since the origin, and the default stamp of an event', () => {
  const h = new History(performance.now() - 5_000);
  const before = performance.now();
  const t = h.now();
  const after = performance.now();
  assert.ok(t >= h.at(before) && t <= h.at(after), `${t} is not within [${h.at(before)}, ${h.at(after)}]`);
  assert.ok(t >= 5_000 && t < 6_000);
  const event = h.append(step('x'));
  assert.ok(event.t >= t && event.t <= h.now());
});

test('by default the origin is the moment the history is made', () => {
  const before = performance.now();
  const h = new History();
  assert.ok(h.originMs >= before && h.originMs <= performance.now());
  assert.ok(h.now() >= 0 && h.now() < 1_000);
});
