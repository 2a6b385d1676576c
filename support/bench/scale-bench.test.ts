import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaleCurve, scaleFeature } from './scale-bench';

test('the curve is a least-squares line: ms per node at each ensemble size, and a suite\'s fixed and per-scenario cost', () => {
  const row = (members: number, nodes: number, fleetReadyMs: number) => ({ members, nodes, fleetReadyMs, resetAfterNothingMs: 0, resetAfterNetworkFaultMs: 0, resetAfterKillMs: 0 });
  const curve = scaleCurve([row(3, 3, 10_000), row(3, 5, 10_400), row(3, 8, 11_000), row(5, 3, 12_000), row(5, 8, 14_000)],
    [{ scenarios: 10, wallMs: 40_000, passed: 10, failed: 0 }, { scenarios: 20, wallMs: 70_000, passed: 20, failed: 0 }, { scenarios: 40, wallMs: 130_000, passed: 40, failed: 0 }]);
  assert.equal(curve.msPerNode[3], 200);
  assert.equal(curve.msPerNode[5], 400);
  assert.equal(curve.msPerScenario, 3000);
  assert.equal(curve.fixedMs, 10_000);
  assert.match(curve.words, /10\.0 s once plus 3\.00 s per scenario/);
});

test('a generated suite has the asked number of scenarios, half of them crashing a follower', () => {
  const text = scaleFeature(10);
  assert.equal(text.match(/^ {2}Scenario:/gm)?.length, 10);
  assert.equal(text.match(/When a Jetty follower crashes/g)?.length, 5);
});
