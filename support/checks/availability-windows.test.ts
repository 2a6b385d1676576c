import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityWindows, faultWindows, WindowFigures } from './availability-windows';
import { fault, history, request, step } from './history-fixtures';
import { HistoryEvent } from '../history/events';

/** Requests every 100 ms in [from, until), each taking 10 ms unless it falls in a failing span (then 500 ms, fail). */
const traffic = (from: number, until: number, failing: (t: number) => boolean = () => false, firstId = 1): HistoryEvent[] => {
  const out: HistoryEvent[] = [];
  for (let t = from, id = firstId; t < until; t += 100, id++) out.push(...(failing(t) ? request(id, t, t + 500, 'fail', null) : request(id, t, t + 10, 'ok')));
  return out;
};
const windowNamed = (figures: Record<string, unknown> | undefined, name: string) => (figures!['windows'] as WindowFigures[]).find((w) => w.name === name)!;

test('windows: steady, then during and after each fault', () => {
  const h = history(step(0, 'Given'), fault(1, 'kill', ['node-1'], 1000, 2000), fault(2, 'pause', ['zk-2'], 3000, null), step(5000, 'Then'));
  assert.deepEqual(faultWindows(h).map((w) => [w.name, w.fromMs, w.untilMs]), [
    ['steady', 0, 1000], ['during kill node-1', 1000, 2000], ['after kill node-1', 2000, 3000], ['during pause zk-2', 3000, 5000],
  ]);
});

test('failures during a fault are figures, not a violation; an outage is measured start to last completion', () => {
  const h = history(step(0, 'Given'), fault(1, 'kill', ['node-1'], 1000, 2000), traffic(0, 4000, (t) => t >= 1200 && t < 1500));
  const v = availabilityWindows.check(h);
  assert.equal(v.valid, true, v.summary);
  const during = windowNamed(v.figures, 'during kill node-1');
  assert.equal(during.total, 10);
  assert.equal(during.fail, 3);
  assert.equal(during.ratio, 0.7);
  assert.equal(during.longestOutageMs, 1400 + 500 - 1200);
  assert.equal(during.p50Ms, 10);
  assert.equal(during.maxMs, 500);
  assert.equal(windowNamed(v.figures, 'after kill node-1').ratio, 1);
  assert.match(v.summary, /steady 10\/10 ok; worst window "during kill node-1" 70.0% ok, longest outage 700 ms/);
});

test('a failed or unanswered request before any fault is a violation naming it', () => {
  const h = history(traffic(0, 1000, (t) => t === 300), request(50, 450, 950, 'info', null), request(60, 900, 1900, 'info', null), fault(1, 'kill', ['node-1'], 1000, 2000), traffic(1000, 2000, () => true, 100));
  const v = availabilityWindows.check(h);
  assert.equal(v.valid, false);
  assert.equal(v.evidence.length, 2);
  assert.equal(v.evidence[0]!.atMs, 300);
  assert.match(v.evidence[0]!.detail, /request #4 started at 300 ms failed after 500 ms before any fault \(status 503, boom\)/);
  assert.match(v.evidence[1]!.detail, /request #50 started at 450 ms got no answer \(info\)/);
  // #60 was in flight when the kill struck at 1000 ms: the fault's, not the steady fleet's.
  assert.ok(!v.evidence.some((e) => /#60/.test(e.detail)));
});

test('a request still in flight at the end is left out; no traffic is nothing to judge', () => {
  const h = history(traffic(0, 500), request(9, 600, null));
  const v = availabilityWindows.check(h);
  assert.equal(v.valid, true);
  assert.equal(v.figures?.['pending'], 1);
  assert.equal(windowNamed(v.figures, 'steady').total, 5);
  const none = availabilityWindows.check(history(step(0, 'Given'), fault(1, 'kill', ['node-1'], 10, 20)));
  assert.equal(none.valid, true);
  assert.match(none.summary, /no traffic/);
});
