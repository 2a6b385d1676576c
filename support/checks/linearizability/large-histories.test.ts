// The search on histories of realistic size: a simulated linearizable register must pass well inside the budget
// (h), the same history with one read corrupted must fail (proof that size does not blind the checker), and a
// history too concurrent to search must come back 'unknown' when the budget is spent, not hang (i).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistoryEvent, OpEvent } from '../../history/events';
import { history } from '../history-fixtures';
import { checkLinearizable } from './linearizable-register';
import { RegisterWitness } from './witness';
import { read, simulate, write } from './register-fixtures';

const timed = (h: readonly HistoryEvent[], opts = {}) => {
  const t = performance.now();
  const v = checkLinearizable(h, opts);
  return { v, ms: performance.now() - t };
};

test('(h) 5 clients × 200 overlapping ops on one register, with failed and unknown ops, pass well under the budget', () => {
  for (const seed of [1, 2, 3]) {
    const h = simulate({ seed, clients: 5, opsPerClient: 200, keys: ['/r'], pInfo: 0.03, pFail: 0.03 });
    const { v, ms } = timed(h);
    console.log(`seed ${seed}: ${Math.round(ms)} ms, ${v.figures?.statesExplored} states — ${v.summary}`);
    assert.equal(v.valid, true, v.summary);
    assert.ok((v.figures?.info as number) > 0 && (v.figures?.fail as number) > 0, 'the simulation has unknown and failed ops');
    assert.ok(ms < 2000, `took ${ms} ms`);
  }
});

test('the same history spread over 4 keys is split and passes', () => {
  const v = checkLinearizable(simulate({ seed: 7, clients: 5, opsPerClient: 200, keys: ['/a', '/b', '/c', '/d'], pInfo: 0.03, pFail: 0.03 }));
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.keys, 4);
});

test('one corrupted read in a large history is caught and named', () => {
  const h = simulate({ seed: 4, clients: 5, opsPerClient: 200, keys: ['/r'] });
  const reads = h.filter((e): e is OpEvent => e.kind === 'op' && e.f === 'read' && e.type === 'ok');
  const victim = reads[Math.floor(reads.length * 0.7)]!;
  const corrupted = h.map((e) => (e === victim ? { ...victim, value: { key: '/r', value: -1 } } : e));
  const { v, ms } = timed(corrupted);
  console.log(`corrupted read found in ${Math.round(ms)} ms: ${v.summary}`);
  assert.equal(v.valid, false);
  const w = (v.figures?.witnesses as RegisterWitness[])[0]!;
  assert.deepEqual(w.unplaceable.map((u) => [u.process, u.invokeMs, u.value.value]), [[victim.process, h.find((e) => e.kind === 'op' && e.id === victim.id)!.t, -1]]);
  assert.match(w.unplaceable[0]!.why, /no write of -1 that may have taken effect/);
});

/** `n` writes all in flight at once, then a read of a value none of them wrote: every subset and order is a dead end. */
function tooConcurrent(n: number): HistoryEvent[] {
  const writes = Array.from({ length: n }, (_, i) => write(i + 1, `p${i}`, '/r', i, 1000 + i, i + 1));
  return history(...writes, read(n + 1, 'reader', '/r', 2000, 2010, 999));
}

test('(i) a history too concurrent to search is unknown once the budget is spent, not a hang', () => {
  const { v, ms } = timed(tooConcurrent(24), { budgetMs: 1 });
  console.log(`1 ms budget: gave up after ${Math.round(ms)} ms — ${v.summary}`);
  assert.equal(v.valid, 'unknown');
  assert.ok(ms < 1000, `took ${ms} ms`);
  assert.match(v.summary, /1 of 1 register key\(s\) undecided: on \/r the search ran out of the 1 ms budget .*linearizable prefix of \d+ of 25 ops after exploring \d+ states; 0 key\(s\) linearizable$/);
  const longer = timed(tooConcurrent(24), { budgetMs: 200 });
  assert.equal(longer.v.valid, 'unknown');
  assert.ok(longer.ms < 1200, `took ${longer.ms} ms`);
});

test('the memo and per-key size caps also end in unknown', () => {
  const states = checkLinearizable(tooConcurrent(24), { maxStates: 5000 });
  assert.equal(states.valid, 'unknown');
  assert.match(states.evidence[0]!.detail, /the memo reached its cap of \d+ states/);
  const big = checkLinearizable(simulate({ seed: 1, clients: 2, opsPerClient: 30, keys: ['/r'] }), { maxOpsPerKey: 10 });
  assert.equal(big.valid, 'unknown');
  assert.match(big.evidence[0]!.detail, /on \/r there are \d+ ops, more than the 10 the search takes on one key/);
  // Small enough: the same impossible read is found out by exhausting the search.
  assert.equal(checkLinearizable(tooConcurrent(8)).valid, false);
});
