// The search against a brute-force oracle: on many small random register histories (ties, unknown and failed
// ops, reads of values never written) both must agree. The oracle tries every real-time-respecting order with
// every choice of unknown ops left out, with no memo and no cleverness to get wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HistoryEvent, OpType } from '../../history/events';
import { history } from '../history-fixtures';
import { checkLinearizable } from './linearizable-register';
import { registerOperations } from './operations';
import { registerModel, RegisterOp, RegisterValue } from './register-model';
import { cas, prng, read, write } from './register-fixtures';

function bruteForce(remaining: readonly RegisterOp[], state: RegisterValue): boolean {
  if (!remaining.some((o) => o.outcome === 'ok')) return true;
  return remaining.some((x, i) => {
    const rest = remaining.filter((_, j) => j !== i);
    if (x.outcome === 'info' && bruteForce(rest, state)) return true; // left out
    if (remaining.some((y) => y.returnMs < x.callMs)) return false; // y must come first
    const { ok, next } = registerModel.step(state, x.input, x.output);
    return ok && bruteForce(rest, next);
  });
}

function randomHistory(seed: number): HistoryEvent[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const values: RegisterValue[] = [null, 1, 2];
  const events: HistoryEvent[][] = [];
  let id = 0;
  for (let p = 0; p < 3; p++) {
    let t = Math.floor(rnd() * 4);
    for (let i = 0; i < 3; i++) {
      const ret = t + Math.floor(rnd() * 6);
      const type = pick<Exclude<OpType, 'invoke'>>(['ok', 'ok', 'ok', 'info', 'fail']);
      const f = pick(['read', 'read', 'write', 'write', 'cas']);
      const done = type === 'info' && rnd() < 0.5 ? null : ret;
      events.push(f === 'read' ? read(id++, `p${p}`, '/r', t, done, pick(values), type)
        : f === 'write' ? write(id++, `p${p}`, '/r', t, done, pick(values.slice(1)), type)
          : cas(id++, `p${p}`, '/r', t, done, pick(values), pick(values.slice(1)), type));
      t = ret + Math.floor(rnd() * 3);
    }
  }
  return history(...events);
}

test('the search agrees with brute force on 2000 small random histories', () => {
  const tally = { true: 0, false: 0 };
  for (let seed = 1; seed <= 2000; seed++) {
    const h = randomHistory(seed);
    const expected = bruteForce(registerOperations(h).ops, null);
    const v = checkLinearizable(h);
    assert.equal(v.valid, expected, `seed ${seed}: ${v.summary}`);
    tally[String(expected) as 'true' | 'false']++;
  }
  // Both answers must be common, or the agreement proves little.
  console.log(`valid ${tally.true}, invalid ${tally.false}`);
  assert.ok(tally.true > 200 && tally.false > 200, JSON.stringify(tally));
});
