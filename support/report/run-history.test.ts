import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveRun, keptAcrossRuns, regressions, renderRunsIndex, RunSummary, summarize, FLEET_READY } from './run-history';

const run = (runId: string, ms: number, profile = 'fast'): RunSummary => ({ runId, startedAt: '2026-11-30T10:00:00.000Z', durationMs: 1000, commit: 'abc', profile, passed: 1, failed: 0, skipped: 0, figures: { 'Jetty leader handover': ms } });

test('a figure far above its recent median is flagged; one inside the noise is not', () => {
  const past = [run('1', 3300), run('2', 3400), run('3', 3350), run('4', 3380)];
  const slow = regressions(past, run('5', 5200));
  assert.equal(slow.length, 1);
  assert.equal(slow[0]!.medianMs, 3350);
  assert.equal(slow[0]!.noiseMs, 670); // 20% of the median beats 3 scaled MADs (3 × 1.4826 × 30 = 133) here
  assert.deepEqual(regressions(past, run('5', 3900)), []);
});

test('nothing is judged with fewer than 3 earlier runs of the same profile', () => {
  assert.deepEqual(regressions([run('1', 100), run('2', 100)], run('3', 9000)), []);
  assert.deepEqual(regressions([run('1', 100, 'debian-defaults'), run('2', 100, 'debian-defaults'), run('3', 100, 'debian-defaults')], run('4', 9000)), []);
});

test('small figures get the 100 ms floor: a 60 ms wobble of a 40 ms figure is not a regression', () => {
  const past = [run('1', 40), run('2', 45), run('3', 38)];
  assert.deepEqual(regressions(past, run('4', 100)), []);
  assert.equal(regressions(past, run('4', 200)).length, 1);
});

test('a run summary takes the median of each figure and of the fleet boots', () => {
  const t = (status: string) => ({ scenario: 's', feature: 'f', status, durationMs: 1, faults: [], recoveries: [], requests: [] });
  const rec = (scenario: string, step: string, measuredMs: number) => ({ scenario, step, measuredMs, met: true }) as never;
  const s = summarize('r1', new Date(0), new Date(5000), [t('PASSED'), t('FAILED'), t('SKIPPED')],
    [rec('The Jetty leader crashes and a new one is elected', 'within 10 seconds a new Jetty leader is elected', 3000), rec('The Jetty leader crashes and a new one is elected', 'within 10 seconds a new Jetty leader is elected', 3400), rec('other', 'x', 1)],
    { commit: 'c0ffee', workers: [{ timing: { name: 'fast' }, builds: [{ fleetReadyMs: 9000 }, { fleetReadyMs: 11000 }, { fleetReadyMs: 10000 }] }] });
  assert.deepEqual([s.passed, s.failed, s.skipped, s.durationMs, s.profile], [1, 1, 1, 5000, 'fast']);
  assert.equal(s.figures['Jetty leader handover'], 3000);
  assert.equal(s.figures[FLEET_READY], 10000);
});

test('runs are archived under runs/<id>/ and the oldest pruned beyond the count kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zkh-runs-'));
  try {
    writeFileSync(join(dir, 'index.html'), '<html>');
    for (const id of ['20261130-100000', '20261130-110000', '20261130-120000']) archiveRun(dir, run(id, 1), 2);
    assert.deepEqual(readdirSync(join(dir, 'runs')).sort(), ['20261130-110000', '20261130-120000']);
    assert.deepEqual(readdirSync(join(dir, 'runs', '20261130-120000')).sort(), ['index.html', 'summary.json']);
    const page = renderRunsIndex([run('a', 100), run('b', 300)], []);
    assert.match(page, /aria-label="trend of Jetty leader handover"/);
    assert.doesNotMatch(page, /<script/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the harness overhead is fleet time plus the union of fault application spans and After-hook heals over scenario time', () => {
  const { harnessOverhead } = require('./run-reports') as typeof import('./run-reports');
  const fault = (spans: [number, number][]) => ({ kind: 'kill', targets: ['zk-1'], startMs: spans[0]![0], endMs: null, harnessSpans: spans });
  const t = (durationMs: number, fleetMs: number, whenMs: number, faults: ReturnType<typeof fault>[], healAfterMs = 0) =>
    ({ scenario: 's', feature: 'f', status: 'PASSED', durationMs, faults, recoveries: [], requests: [], steps: { fleetMs, givenMs: 0, whenMs, withinMs: 0, thenMs: 0 }, healAfterMs });
  // A restart that heals a kill: the restart's span holds the kill's heal span, counted once (500 + 300).
  const first = t(10_000, 6000, 5000, [fault([[1000, 1500], [3000, 3200]]), fault([[2900, 3300]])]);
  // A 60 s schedule step: only its faults' spans count, not the step.
  const second = t(10_000, 0, 60_000, [fault([[100, 200]])], 1000);
  assert.deepEqual(harnessOverhead([first, second]), { fleetMs: 6000, faultApplicationMs: 500 + 400 + 100 + 1000, faultStepsMs: 65_000, scenariosMs: 21_000, share: Number(((6000 + 2000) / 21_000).toFixed(3)) });
});

test('a union of intervals counts overlaps once', () => {
  const { unionMs } = require('../faults/fault') as typeof import('../faults/fault');
  assert.equal(unionMs([]), 0);
  assert.equal(unionMs([[0, 10], [5, 15], [20, 25], [21, 22]]), 20);
});

test('a test run keeps the past runs and the bench\'s files, and replaces the rest of the latest run', () => {
  for (const kept of ['runs', 'bench.json', 'bench-scale.json', 'bench-memory.json', 'observer-cost.json']) assert.equal(keptAcrossRuns(kept), true, kept);
  for (const gone of ['run.json', 'index.html', 'recovery.json', 'histories', 'parts', 'failures', 'bench.json.tmp', 'old-bench.json']) assert.equal(keptAcrossRuns(gone), false, gone);
});
