import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultLog } from '../fault';
import { FaultContext, FaultKind, Phrasing } from '../fault-kind';
import { kill } from './kill';
import { pause } from './pause';
import { restartKind } from './restart';
import { MemberRef } from '../../fleet/targets';

/** A container that logs what the engine was asked to do and keeps its state. */
function fakeTarget(name: string) {
  const calls: string[] = [];
  let state = 'running';
  const target = {
    name,
    actions: { state: async () => state } as never,
    kill: async () => { calls.push('kill'); state = 'exited'; },
    stop: async () => { calls.push('stop'); state = 'exited'; },
    pause: async () => { calls.push('pause'); state = 'paused'; },
    resume: async () => { calls.push('resume'); state = 'running'; },
    start: async () => { calls.push('start'); state = 'running'; },
    restart: async () => { calls.push('restart'); state = 'running'; },
    bringBack: async () => {
      if (state === 'paused') await target.resume();
      else if (state !== 'running') await target.start();
    },
  };
  return { target, calls, state: () => state };
}

/** A context whose roles resolve to the one fake member, remembering the role a fault began under. */
function context(log: FaultLog, member: ReturnType<typeof fakeTarget>['target']): FaultContext {
  return {
    fleet: {} as never,
    faults: log,
    member: async (ref: MemberRef, undoing?: readonly string[]) => {
      if (undoing && ref.kind !== 'name') assert.equal(log.targetUnderRole('the ZooKeeper leader', undoing), member.name);
      return member as never;
    },
    node: async () => { throw new Error('no nodes'); },
    deadline: (ms) => ms,
  };
}

const phrasing = (kind: FaultKind, pattern: string): Phrasing => kind.phrasings.find((p) => p.pattern === pattern)!;

test('a kill is recorded with its role; the restart of that role starts the same member and ends the kill', async () => {
  const log = new FaultLog();
  const zk = fakeTarget('zk-2');
  const ctx = context(log, zk.target);
  await phrasing(kill, '{member} is killed').apply(ctx, { kind: 'leader' });
  assert.equal(zk.state(), 'exited');
  assert.deepEqual(log.active().map((f) => [f.record.kind, f.record.params?.role]), [['kill', 'the ZooKeeper leader']]);
  await phrasing(restartKind, '{member} is restarted').apply(ctx, { kind: 'leader' });
  assert.deepEqual(zk.calls, ['kill', 'start'], 'brought back, not stopped and started again');
  assert.equal(log.active().length, 0);
  assert.deepEqual(log.history().map((r) => r.kind), ['kill', 'restart']);
});

test('a pause is ended by "is resumed"; healAll brings back whatever is still down', async () => {
  const log = new FaultLog();
  const zk = fakeTarget('zk-1');
  const ctx = context(log, zk.target);
  await phrasing(pause, '{member} is paused').apply(ctx, { kind: 'name', name: 'zk-1' });
  await phrasing(pause, '{member} is resumed').apply(ctx, { kind: 'name', name: 'zk-1' });
  assert.deepEqual(zk.calls, ['pause', 'resume']);
  assert.equal(log.active().length, 0);
  await phrasing(kill, '{member} is killed').apply(ctx, { kind: 'name', name: 'zk-1' });
  await log.healAll();
  assert.equal(zk.state(), 'running');
});

test('restarting a running member is a graceful restart, recorded as a span', async () => {
  const log = new FaultLog();
  const zk = fakeTarget('zk-3');
  await phrasing(restartKind, '{member} is restarted').apply(context(log, zk.target), { kind: 'name', name: 'zk-3' });
  assert.deepEqual(zk.calls, ['restart']);
  const r = log.history()[0]!;
  assert.equal(r.kind, 'restart');
  assert.ok(r.endedAtMs! >= r.startedAtMs);
});
