import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { SeededRandom } from '../fleet/seeded-random';
import { RegisterGenerator, invocationValue } from './register-generator';

test('the same seed gives the same calls; the mix is about a third of each kind, over every key', () => {
  const calls = (seed: number) => { const g = new RegisterGenerator(new SeededRandom(seed)); return Array.from({ length: 3000 }, () => g.next()); };
  assert.deepEqual(calls(42), calls(42));
  assert.notDeepEqual(calls(42).slice(0, 20), calls(43).slice(0, 20));
  const counts = new Map<string, number>();
  for (const c of calls(7)) counts.set(c.f, (counts.get(c.f) ?? 0) + 1);
  for (const f of ['read', 'write', 'cas']) assert.ok(Math.abs((counts.get(f) ?? 0) - 1000) < 120, `${f}: ${counts.get(f)}`);
  assert.deepEqual(new Set(calls(7).map((c) => c.key)), new Set(['r0', 'r1', 'r2']));
  for (const c of calls(7)) if (c.f !== 'read') for (const v of c.f === 'write' ? [c.value] : [c.from, c.to]) assert.ok(Number.isInteger(v) && v >= 0 && v < 10);
});

test('a mix without keys or with one value is refused; invocations record what the checker reads', () => {
  assert.throws(() => new RegisterGenerator(new SeededRandom(1), { keys: [], values: 5 }), /at least one key/);
  assert.throws(() => new RegisterGenerator(new SeededRandom(1), { keys: ['a'], values: 1 }), /at least 2 values/);
  assert.deepEqual(invocationValue({ f: 'cas', key: 'r1', from: 2, to: 3 }), { key: 'r1', from: 2, to: 3 });
  assert.deepEqual(invocationValue({ f: 'write', key: 'r1', value: 4 }), { key: 'r1', value: 4 });
  assert.deepEqual(invocationValue({ f: 'read', key: 'r1' }), { key: 'r1' });
});
