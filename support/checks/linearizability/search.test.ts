// The search on its own, with a model that is not a register: it must know nothing of registers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Model, Operation, partitionByKey } from './model';
import { searchLinearization } from './search';

// A counter: `inc` adds one, `get` returns the count.
type CounterOp = Operation<'inc' | 'get', number>;
const counter: Model<number, 'inc' | 'get', number> = {
  name: 'counter',
  init: () => 0,
  step: (s, input, output) => (input === 'inc' ? { ok: true, next: s + 1 } : { ok: output === undefined || output === s, next: s }),
  hash: (s) => String(s),
  partition: partitionByKey,
  describeState: (s) => String(s),
  describeOp: (op) => `${op.input} ${op.output ?? ''}`,
};
let nextId = 0;
const o = (input: 'inc' | 'get', callMs: number, returnMs: number, output?: number): CounterOp => ({
  id: nextId++, process: `p${nextId}`, f: input, key: 'c', input, output, callMs, returnMs, outcome: Number.isFinite(returnMs) ? 'ok' : 'info',
});
const run = (ops: CounterOp[], deadline = Infinity) => searchLinearization(counter, ops, { deadline });

test('finds an order that respects real time, and reports it', () => {
  const ops = [o('inc', 0, 100), o('inc', 10, 20), o('get', 30, 40, 1), o('get', 50, 200, 2)];
  const r = run(ops);
  assert.equal(r.outcome, 'linearizable');
  assert.deepEqual(r.longest.map((x) => x.callMs), [10, 30, 0, 50]);
  assert.equal(r.stateAfter, 2);
});

test('a get that saw more than could have happened is illegal; the longest prefix stops before it', () => {
  const r = run([o('inc', 0, 10), o('get', 20, 30, 2), o('inc', 40, 50)]);
  assert.equal(r.outcome, 'illegal');
  assert.deepEqual(r.longest.map((x) => x.input), ['inc']);
  assert.equal(r.stateAfter, 1);
});

test('unknown ops may count or not, but not before their call', () => {
  assert.equal(run([o('inc', 0, Infinity), o('get', 10, 20, 0)]).outcome, 'linearizable');
  assert.equal(run([o('inc', 0, Infinity), o('get', 10, 20, 1)]).outcome, 'linearizable');
  assert.equal(run([o('get', 0, 5, 1), o('inc', 10, Infinity)]).outcome, 'illegal');
});

test('the clock is looked at every few steps: a passed deadline ends the search as timeout', () => {
  const ops = Array.from({ length: 20 }, (_, i) => o('inc', i, 1000 + i)).concat(o('get', 2000, 2001, 99));
  let ticks = 0;
  const r = searchLinearization(counter, ops, { deadline: 3, now: () => ticks++, checkEvery: 10 });
  assert.equal(r.outcome, 'timeout');
  assert.equal(r.longest.length, 20);
});
