import { test } from 'node:test';
import assert from 'node:assert/strict';
import { descendants } from './fleet-memory';

test('a container is its init process and everything under it, not its siblings', () => {
  const parentOf = new Map([[10, 1], [11, 10], [12, 11], [13, 10], [20, 1], [21, 20]]);
  assert.deepEqual(descendants(10, parentOf).sort(), [10, 11, 12, 13]);
  assert.deepEqual(descendants(21, parentOf), [21]);
});
