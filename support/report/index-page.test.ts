import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderIndex, timelineSvg } from './index-page';
import { ScenarioTimeline } from './scenario-timeline';

const timeline: ScenarioTimeline = {
  scenario: 'Leader <killed> & replaced', feature: 'f', status: 'PASSED', durationMs: 10_000,
  faults: [{ kind: 'kill', targets: ['zk-3'], startMs: 2000, endMs: 2000 }, { kind: 'partition', targets: ['zk-1', 'zk-2'], startMs: 3000, endMs: null }],
  recoveries: [{ step: 'within 5 seconds the ensemble elects a new leader', atMs: 2200, deadlineMs: 5000, met: true, measuredMs: 200 }],
  requests: [{ startMs: 100, endMs: 150, outcome: 'ok' }, { startMs: 2100, endMs: 3100, outcome: 'info' }],
};

test('the timeline draws a span per fault, a marker per recovery and a tick per request', () => {
  const svg = timelineSvg(timeline);
  assert.equal((svg.match(/class="fault"/g) ?? []).length, 2);
  assert.equal((svg.match(/class="recovery"/g) ?? []).length, 1);
  assert.equal((svg.match(/class="request /g) ?? []).length, 2);
  assert.match(svg, /class="request info"/);
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
