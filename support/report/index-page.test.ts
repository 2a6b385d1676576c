import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orderScenarios, renderIndex } from './index-page';
import { faultRows, latencyScale, niceStep, scenarioPicture } from './scenario-picture';
import { ScenarioTimeline } from './scenario-timeline';

const timeline: ScenarioTimeline = {
  scenario: 'Leader <killed> & replaced', feature: 'f', status: 'PASSED', durationMs: 10_000,
  faults: [{ kind: 'kill', targets: ['zk-3'], startMs: 2000, endMs: 2000 }, { kind: 'partition', targets: ['zk-1', 'zk-2'], startMs: 3000, endMs: null }],
  recoveries: [{ step: 'within 5 seconds the ensemble elects a new leader', atMs: 2200, deadlineMs: 5000, met: true, measuredMs: 200 }],
  requests: [{ startMs: 100, endMs: 150, outcome: 'ok' }, { startMs: 2100, endMs: 3100, outcome: 'info' }],
  lanes: [
    { name: 'zk-3', kind: 'member', segments: [{ startMs: 0, endMs: 2000, state: 'leader', label: 'leader' }, { startMs: 2000, endMs: 10_000, state: 'down', label: 'no answer' }] },
    { name: 'node-1', kind: 'node', segments: [{ startMs: 0, endMs: 10_000, state: 'registered', label: 'registered v2' }] },
  ],
  violations: [{ invariant: 'single-jetty-leader', atMs: 4000, untilMs: 5000, detail: 'two leaders', expected: false }],
};

test('the picture labels every fault, draws a lane per participant, each recovery, each violation and a latency dot per request', () => {
  const svg = scenarioPicture(timeline);
  assert.equal((svg.match(/class="fault"/g) ?? []).length, 2);
  assert.match(svg, /class="fault-label"[^>]*>kill zk-3</);
  assert.equal((svg.match(/class="lane"/g) ?? []).length, 2);
  assert.match(svg, /data-lane="zk-3"/);
  assert.equal((svg.match(/class="recovery"/g) ?? []).length, 1);
  assert.match(svg, /200 ms ≤ 5 s/);
  assert.equal((svg.match(/class="violation"/g) ?? []).length, 1);
  assert.equal((svg.match(/class="latency"/g) ?? []).length, 1);
  assert.equal((svg.match(/<circle /g) ?? []).length, 2);
});

test('overlapping faults stack into rows; a fault that starts after another ended reuses its row', () => {
  assert.deepEqual(faultRows([{ kind: 'a', targets: [], startMs: 0, endMs: 100 }, { kind: 'b', targets: [], startMs: 50, endMs: null }, { kind: 'c', targets: [], startMs: 200, endMs: 300 }], 1000), [0, 1, 0]);
});

test('latency is on a log axis from 1 ms to the decade above the slowest request', () => {
  const { y, decades } = latencyScale([3, 2500], 100);
  assert.deepEqual(decades, [1, 10, 100, 1000, 10_000]);
  assert.equal(y(1), 100);
  assert.equal(y(10_000), 0);
  assert.equal(y(100), 50);
  assert.equal(niceStep(10_000), 1000);
  assert.equal(niceStep(90_000), 10_000);
});

test('failed scenarios come first', () => {
  const t = (scenario: string, status: string) => ({ ...timeline, scenario, status });
  assert.deepEqual(orderScenarios([t('a', 'PASSED'), t('b', 'FAILED'), t('c', 'SKIPPED'), t('d', 'FAILED')]).map((x) => x.scenario), ['b', 'd', 'a', 'c']);
});

test('the page is self-contained and escapes what scenarios say', () => {
  const html = renderIndex([timeline], [], { commit: 'abc' });
  assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/);
  assert.match(html, /Leader &lt;killed&gt; &amp; replaced/);
  assert.match(html, /href="cucumber.html"/);
});

test('the invariants section counts verdicts and shows every row that is not valid', () => {
  const row = (invariant: string, verdict: 'valid' | 'invalid' | 'unknown', expected = false) => ({ scenario: 's <1>', feature: 'f', invariant, verdict, expected, summary: 'sum', evidence: [{ atMs: 12.4, participants: ['node-1', 'node-2'], detail: 'overlap' }], history: 'histories/s.history.ndjson' });
  const html = renderIndex([], [], {}, [row('single-jetty-leader', 'invalid'), row('single-jetty-leader', 'valid'), row('availability', 'unknown')]);
  assert.match(html, /<h2>Invariants<\/h2>/);
  assert.match(html, /12 ms \[node-1, node-2\]: overlap/);
  assert.match(html, /s &lt;1&gt;/);
  assert.equal((html.match(/<tr class="missed">/g) ?? []).length, 1);
});

test('the rendering check counts in the page exactly what the timelines hold', () => {
  const { countRendered, pictureCounts } = require('./render-check') as typeof import('./render-check');
  const html = renderIndex([timeline, { ...timeline, scenario: 'quiet', faults: [], requests: [], lanes: [] }], [], {});
  assert.deepEqual(countRendered(html), pictureCounts([timeline, { ...timeline, faults: [], requests: [], lanes: [] }]));
  assert.deepEqual(countRendered(html), { pictures: 2, lanes: 2, faultLabels: 2, latencyPlots: 1 });
});
