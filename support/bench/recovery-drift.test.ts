import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recoveryDrift } from './recovery-drift';
import { summarize } from './stats';

test('a median beyond the previous p95 is slower; one inside the spread is not', () => {
  const before = { zkLeaderLossToWrites: summarize([200, 230, 250, 400, 420]), jettyLeaderHandover: summarize([3900, 3950, 4000]) };
  const after = { zkLeaderLossToWrites: summarize([430, 450, 470]), jettyLeaderHandover: summarize([3800, 3990, 4100]) };
  const drifts = recoveryDrift(before, after);
  assert.deepEqual(drifts.map((d) => [d.key, d.verdict]), [['zkLeaderLossToWrites', 'slower'], ['jettyLeaderHandover', 'within the previous spread']]);
});

test('a previous median beyond this p95 is faster', () => {
  const [d] = recoveryDrift({ configPropagation: summarize([90, 100, 110]) }, { configPropagation: summarize([50, 55, 60]) });
  assert.equal(d?.verdict, 'faster');
});

test('a figure either run lacks, or an empty one, is left out rather than judged', () => {
  assert.deepEqual(recoveryDrift({}, { zkLeaderLossToWritesFromKill: summarize([400]) }), []);
  assert.deepEqual(recoveryDrift({ nodeCrashToDeregistered: summarize([]) }, { nodeCrashToDeregistered: summarize([4000]) }), []);
  assert.deepEqual(recoveryDrift({ notARecovery: summarize([1]) }, { notARecovery: summarize([100]) }), []);
});
