import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availability, longestOutage, judgeAvailability, judgeLatencyShare, judgeMedianLatency, quantile } from './availability';
import { RequestRecord } from '../workload/gateway-traffic';

const req = (startMs: number, outcome: RequestRecord['outcome'], backend = 'node-1'): RequestRecord =>
  ({ startMs, endMs: startMs + 10, outcome, status: outcome === 'ok' ? 200 : null, backend: outcome === 'ok' ? backend : null, error: null });

test('counts timeouts as failures for the ratio, separately in the tally', () => {
  const a = availability([req(0, 'ok'), req(50, 'fail'), req(100, 'info'), req(150, 'ok', 'node-2')]);
  assert.equal(a.ok, 2);
  assert.equal(a.failed, 1);
  assert.equal(a.timedOut, 1);
  assert.equal(a.ratio, 0.5);
  assert.deepEqual(a.byBackend, { 'node-1': 1, 'node-2': 1 });
});

test('the longest outage spans the longest run of non-ok requests', () => {
  const h = [req(0, 'ok'), req(50, 'fail'), req(100, 'ok'), req(150, 'fail'), req(200, 'info'), req(250, 'fail'), req(300, 'ok')];
  assert.equal(longestOutage(h), 110); // 150 .. 260
  assert.equal(longestOutage([req(0, 'ok')]), 0);
  assert.equal(longestOutage([req(0, 'ok'), req(50, 'fail')]), 10);
});

test('a small sample is judged on what it has, and an empty one never passes', () => {
  assert.equal(judgeAvailability(Array.from({ length: 11 }, (_, i) => req(i * 50, 'ok')), 0.99).valid, true);
  assert.equal(judgeAvailability([], 0.99).valid, false);
});

test('the ratio decides once there are enough requests', () => {
  const h = Array.from({ length: 200 }, (_, i) => req(i * 50, i < 3 ? 'fail' : 'ok'));
  assert.equal(judgeAvailability(h, 0.99).valid, false);
  assert.equal(judgeAvailability(h, 0.98).valid, true);
});

const timed = (startMs: number, latencyMs: number, outcome: RequestRecord['outcome'] = 'ok'): RequestRecord =>
  ({ startMs, endMs: startMs + latencyMs, outcome, status: null, backend: null, error: null });

test('a latency objective counts only requests that succeeded within the bound', () => {
  const h = [...Array.from({ length: 98 }, (_, i) => timed(i, 20)), timed(200, 600), timed(300, 30, 'fail')];
  assert.equal(judgeLatencyShare(h, 0.98, 500).valid, true);
  assert.equal(judgeLatencyShare(h, 0.99, 500).valid, false);
});

test('the median latency includes failed and timed-out requests at their full time', () => {
  const h = [timed(0, 10), timed(1, 1000, 'info'), timed(2, 1000, 'info')];
  assert.equal(quantile([10, 1000, 1000], 0.5), 1000);
  assert.equal(judgeMedianLatency(h, 50).valid, false);
  assert.equal(judgeMedianLatency([timed(0, 10), timed(1, 12), timed(2, 900)], 50).valid, true);
});
