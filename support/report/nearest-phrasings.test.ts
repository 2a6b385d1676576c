import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestPhrasings, wordDistance } from './nearest-phrasings';

const known = [
  { pattern: '{node} crashes', regex: false },
  { pattern: '{member} is killed', regex: false },
  { pattern: 'within {duration} {node} is no longer registered', regex: false },
  { pattern: 'the network heals', regex: false },
];

test('word distance counts word edits', () => {
  assert.equal(wordDistance('the network heals', 'the network heals'), 0);
  assert.equal(wordDistance('the network is healed', 'the network heals'), 2);
});

test('a near miss finds the phrasing it meant', () => {
  assert.equal(nearestPhrasings('the Jetty leader crashed', known, 1)[0], '{node} crashes');
  assert.equal(nearestPhrasings('within 5 seconds node-2 is not registered anymore', known, 1)[0], 'within {duration} {node} is no longer registered');
  assert.equal(nearestPhrasings('the network healed', known, 1)[0], 'the network heals');
});
