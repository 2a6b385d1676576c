import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from './duration';

test('reads the vocabulary durations', () => {
  assert.equal(parseDuration('500 ms'), 500);
  assert.equal(parseDuration('10 seconds'), 10_000);
  assert.equal(parseDuration('1.5 seconds'), 1500);
  assert.equal(parseDuration('2 minutes'), 120_000);
  assert.equal(parseDuration('1 second'), 1000);
});

test('rejects what is not a duration, naming the accepted forms', () => {
  assert.throws(() => parseDuration('soon'), /not a duration: write it like 500 ms/);
  assert.throws(() => parseDuration('10 fortnights'), /not a duration/);
});
