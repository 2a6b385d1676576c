// Properties of the checker over generated histories (seeded, so a failure replays):
// - a sequential history (no two ops overlap) of a register is always linearizable;
// - changing one read of it to any other value makes it not linearizable: with nothing concurrent, each read
//   has exactly one possible answer;
// - in a concurrent history, changing a read to a value no write on its key could have produced is caught too;
// - and the speed the README states: 10,000 ops on 10 keys checked in under a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistoryEvent, OpEvent } from '../../history/events';
import { history } from '../history-fixtures';
import { checkLinearizable } from './linearizable-register';
import { cas, casNotSwapped, prng, read, simulate, write } from './register-fixtures';

/** A sequential history on `keys`: each op ends before the next begins; values from a small range so CAS succeeds sometimes. */
function sequential(seed: number, n: number, keys: readonly string[]): HistoryEvent[] {
  const rnd = prng(seed);
  const state = new Map<string, number | null>();
  const events: OpEvent[][] = [];
  let t = 0;
  for (let id = 1; id <= n; id++) {
    const key = keys[Math.floor(rnd() * keys.length)]!;
    const now = state.get(key) ?? null;
    const call = t, ret = t + 1 + Math.floor(rnd() * 5);
    t = ret + 1;
    const process = `p${Math.floor(rnd() * 4)}`;
    const r = rnd();
    const v = Math.floor(rnd() * 4);
    if (r < 0.4) events.push(read(id, process, key, call, ret, now));
    else if (r < 0.7) { state.set(key, v); events.push(write(id, process, key, call, ret, v)); }
    else if (now === v - 1 || (now === null && v === 0)) { const from = now; state.set(key, v); events.push(cas(id, process, key, call, ret, from, v)); }
    else if (rnd() < 0.5) events.push(casNotSwapped(id, process, key, call, ret, v === now ? -5 : v, 9, now));
    else events.push(cas(id, process, key, call, ret, v, 9, 'fail'));
  }
  return history(...events);
}

const okReads = (h: readonly HistoryEvent[]) => h.filter((e): e is OpEvent => e.kind === 'op' && e.f === 'read' && e.type === 'ok');
const replace = (h: readonly HistoryEvent[], victim: OpEvent, value: unknown) => h.map((e) => (e === victim ? { ...victim, value: { key: victim.value!.key, value } } : e));

test('every generated sequential history is linearizable', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const v = checkLinearizable(sequential(seed, 60, ['a', 'b']));
    assert.equal(v.valid, true, `seed ${seed}: ${v.summary}`);
  }
});

test('in a sequential history, any one read changed to another value is caught', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const h = sequential(seed, 60, ['a', 'b']);
    const reads = okReads(h);
    if (reads.length === 0) continue;
    const rnd = prng(seed * 31);
    const victim = reads[Math.floor(rnd() * reads.length)]!;
    const was = victim.value!.value as number | null;
    // Another value from the same range, or null (the znode missing) when it existed, or 0 when it did not.
    const wrong = was === null ? 0 : rnd() < 0.2 ? null : (was + 1 + Math.floor(rnd() * 3)) % 4;
    const v = checkLinearizable(replace(h, victim, wrong));
    assert.equal(v.valid, false, `seed ${seed}: read ${JSON.stringify(was)} changed to ${JSON.stringify(wrong)} passed: ${v.summary}`);
  }
});

test('in a concurrent history, a read changed to a value no write produced is caught', () => {
  for (let seed = 1; seed <= 50; seed++) {
    const h = simulate({ seed, clients: 4, opsPerClient: 40, keys: ['a', 'b'], pInfo: 0.05, pFail: 0.05 });
    assert.equal(checkLinearizable(h).valid, true, `seed ${seed} as generated`);
    const reads = okReads(h);
    const victim = reads[Math.floor(prng(seed)() * reads.length)]!;
    assert.equal(checkLinearizable(replace(h, victim, -7)).valid, false, `seed ${seed}`);
  }
});

test('10,000 ops on 10 keys are checked in under a second', () => {
  const h = simulate({ seed: 11, clients: 10, opsPerClient: 1000, keys: Array.from({ length: 10 }, (_, i) => `k${i}`), pInfo: 0.01, pFail: 0.02 });
  const ops = h.filter((e) => e.kind === 'op' && e.type === 'invoke').length;
  assert.equal(ops, 10_000);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const v = checkLinearizable(h);
    times.push(performance.now() - t);
    assert.equal(v.valid, true, v.summary);
  }
  const median = [...times].sort((a, b) => a - b)[2]!;
  console.log(`10,000 ops on 10 keys: median ${Math.round(median)} ms of ${times.map(Math.round).join(', ')} ms`);
  assert.ok(median < 1000, `median ${median} ms`);
});
