import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize, percentile } from './stats';

test('median of odd and even counts', () => {
  assert.equal(summarize([3, 1, 2]).median, 2);
  assert.equal(summarize([4, 1, 2, 3]).median, 3); // (2+3)/2 rounded
});

test('p95 by nearest rank', () => {
  const xs = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(percentile(xs, 95), 19);
  assert.equal(summarize([5]).p95, 5);
  assert.equal(summarize([]).median, null);
});
