import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOUND_MS, gatewayRouting } from './gateway-routing';
import { history, registrations, request, watchLost } from './history-fixtures';
import { HistoryEvent } from '../history/events';

// node-2's registration disappears at 3000 (a snapshot without it).
const regs = [registrations(0, ['node-1', 'node-2']), registrations(3000, ['node-1'], 1), registrations(6000, ['node-1', 'node-2'], 1)];

/** Requests every 200 ms from `from` to `until`, answered by `backend` 20 ms later. */
const traffic = (from: number, until: number, backend: string | null, firstId = 1): HistoryEvent[] => {
  const out: HistoryEvent[] = [];
  for (let t = from, id = firstId; t <= until; t += 200, id++) out.push(...request(id, t, t + 20, 'ok', backend));
  return out;
};

test('requests to a node within the bound after its registration went hold', () => {
  const h = history(regs, traffic(1000, 3000 + BOUND_MS, 'node-2'), traffic(1100, 7000, 'node-1', 100), traffic(7000, 7400, 'node-2', 200));
  const v = gatewayRouting.check(h);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.skipped, 0);
});

test('a request to a node more than the bound after its registration disappeared is a violation', () => {
  const h = history(regs, traffic(2000, 4200, 'node-2'));
  const v = gatewayRouting.check(h);
  assert.equal(v.valid, false);
  assert.equal(v.evidence.length, 1, 'only the request started at 4200 (the one at 4000 is exactly at the bound, not later)');
  assert.equal(v.evidence[0]!.atMs, 4200);
  assert.deepEqual(v.evidence[0]!.participants, ['node-2']);
  assert.match(v.evidence[0]!.detail, /answered by node-2, whose registration disappeared at 3000 ms \(1200 ms before; the bound is 1000 ms\)/);
});

test('a request to a node never registered is a violation', () => {
  const v = gatewayRouting.check(history(regs, traffic(1000, 1000, 'zk-1')));
  assert.equal(v.valid, false);
  assert.match(v.evidence[0]!.detail, /zk-1, which was never registered/);
});

test('a request the record cannot reach back for is skipped; a null backend is not judged', () => {
  const h = history(registrations(500, ['node-1']), traffic(0, 1400, 'node-1'), request(99, 2000, 2020, 'fail', null));
  const v = gatewayRouting.check(h);
  assert.equal(v.valid, true);
  assert.equal(v.figures?.skipped, 8);
  assert.equal(v.figures?.judged, 0);
});

test('a request whose bound overlaps a lost watch is unknown, naming the gap', () => {
  const h = history(regs, watchLost(3500), registrations(4500, ['node-1'], 2), traffic(5000, 5000, 'node-2'), traffic(5600, 5600, 'node-1', 10));
  const v = gatewayRouting.check(h);
  assert.equal(v.valid, 'unknown');
  assert.equal(v.figures?.unknown, 1);
  assert.equal(v.evidence[0]!.atMs, 3500);
  assert.match(v.evidence[0]!.detail, /the registrations watch had no connection for 1000 ms from 3500 ms/);
});

test('no traffic is nothing to judge', () => {
  const v = gatewayRouting.check(history(regs));
  assert.equal(v.valid, true);
  assert.match(v.summary, /nothing to judge/);
});

test('a re-registration the harness reads a little after the gateway used it is not a violation; much later is', () => {
  // node-2 is back in the harness's snapshot at 6000; the gateway routed to it at 5995 (its own watch was quicker).
  const early = history(regs, ...[request(1, 5995, 6010, 'ok', 'node-2')]);
  assert.equal(gatewayRouting.check(early).valid, true);
  // At 5000 it had been gone for 2 s and would not be back for 1 s: a violation.
  const tooEarly = history(regs, ...[request(2, 5000, 5010, 'ok', 'node-2')]);
  assert.equal(gatewayRouting.check(tooEarly).valid, false);
});
