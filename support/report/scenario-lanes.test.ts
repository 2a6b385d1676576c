import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioLanes, stepTimeSplit } from './scenario-lanes';
import { HistoryEvent } from '../history/events';

const mode = (t: number, member: string, m: string, answered = true): HistoryEvent => ({ kind: 'observe', observer: 'member-mode', t, sentAt: t, member, mode: m, answered });
const node = (t: number, n: string, extra: Record<string, unknown>): HistoryEvent => ({ kind: 'observe', observer: 'node-status', t, sentAt: t, node: n, answered: true, ...extra }) as HistoryEvent;

test('a lane merges equal observations into segments and ends at the scenario end', () => {
  const lanes = scenarioLanes([
    mode(0, 'zk-1', 'leader'), mode(50, 'zk-1', 'leader'), mode(100, 'zk-1', 'unreachable', false), mode(150, 'zk-1', 'unreachable', false), mode(400, 'zk-1', 'follower'),
    node(10, 'node-1', { registered: true, leader: true, configVersion: 2, zk: 'CONNECTED' }),
    node(60, 'node-1', { registered: false, leader: false, configVersion: 2, zk: 'SUSPENDED' }),
    { kind: 'observe', observer: 'gateway', t: 20, sentAt: 20, answered: true, backends: [{ node: 'node-2', address: 'a', port: 1 }, { node: 'node-1', address: 'b', port: 1 }] },
  ], 1000);
  assert.deepEqual(lanes.map((l) => l.name), ['zk-1', 'node-1', 'gateway']);
  assert.deepEqual(lanes[0]!.segments, [
    { startMs: 0, endMs: 100, state: 'leader', label: 'leader' },
    { startMs: 100, endMs: 400, state: 'down', label: 'no answer' },
    { startMs: 400, endMs: 1000, state: 'follower', label: 'follower' },
  ]);
  assert.deepEqual(lanes[1]!.segments.map((s) => s.label), ['leader v2', 'unregistered v2 suspended']);
  assert.equal(lanes[2]!.segments[0]!.label, '→ node-1, node-2');
});

test('members sort by number, not as text', () => {
  const lanes = scenarioLanes([mode(0, 'zk-10', 'follower'), mode(0, 'zk-2', 'leader')], 10);
  assert.deepEqual(lanes.map((l) => l.name), ['zk-2', 'zk-10']);
});

test('time splits by step kind; a Then that awaits a recovery counts apart', () => {
  const step = (t: number, phase: 'start' | 'end', text: string, type?: 'Context' | 'Action' | 'Outcome'): HistoryEvent => ({ kind: 'step', t, phase, text, ...(type ? { type } : {}) });
  const split = stepTimeSplit([
    step(0, 'start', 'a ZooKeeper ensemble of 3 members', 'Context'), step(3000, 'end', 'a ZooKeeper ensemble of 3 members'),
    step(3000, 'start', 'the ZooKeeper leader is killed', 'Action'), step(3400, 'end', 'the ZooKeeper leader is killed'),
    step(3400, 'start', 'within 5 seconds the ensemble elects a new leader', 'Outcome'), step(4000, 'end', 'within 5 seconds the ensemble elects a new leader'),
    step(4000, 'start', 'the register history is linearizable', 'Outcome'), step(4100, 'end', 'the register history is linearizable'),
  ], { startMs: 3050, endMs: 3350 });
  assert.deepEqual(split, { fleetMs: 300, givenMs: 3000, whenMs: 100, withinMs: 600, thenMs: 100 });
});
