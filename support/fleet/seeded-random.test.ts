import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom } from './seeded-random';

test('the same seed picks the same sequence', () => {
  const a = new SeededRandom(42), b = new SeededRandom(42);
  const items = ['zk-1', 'zk-2', 'zk-3', 'zk-4', 'zk-5'];
  assert.deepEqual(Array.from({ length: 20 }, () => a.pick(items)), Array.from({ length: 20 }, () => b.pick(items)));
});

test('picks spread over every item', () => {
  const r = new SeededRandom(7);
  const seen = new Set(Array.from({ length: 200 }, () => r.pick(['a', 'b', 'c'])));
  assert.equal(seen.size, 3);
});

test('a given seed is kept; without one a seed is drawn', () => {
  assert.equal(SeededRandom.seeded(123).seed, 123);
  assert.ok(Number.isInteger(SeededRandom.seeded(undefined).seed));
});
