import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availability, longestOutage, judgeAvailability } from './availability';
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

test('fewer than 100 requests is inconclusive, not a pass', () => {
  const v = judgeAvailability(Array.from({ length: 99 }, (_, i) => req(i * 50, 'ok')), 0.99);
  assert.equal(v.valid, 'unknown');
  assert.match(v.summary, /inconclusive: only 99 requests/);
});

test('the ratio decides once there are enough requests', () => {
  const h = Array.from({ length: 200 }, (_, i) => req(i * 50, i < 3 ? 'fail' : 'ok'));
  assert.equal(judgeAvailability(h, 0.99).valid, false);
  assert.equal(judgeAvailability(h, 0.98).valid, true);
});
