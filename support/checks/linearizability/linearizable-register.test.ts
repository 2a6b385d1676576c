import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearizable, linearizableRegister } from './linearizable-register';
import { RegisterWitness } from './witness';
import { history } from '../history-fixtures';
import { cas, casNotSwapped, read, write } from './register-fixtures';

const K = '/r1';
const witnesses = (v: ReturnType<typeof checkLinearizable>) => v.figures?.witnesses as RegisterWitness[];

test('(a) sequential ok ops are linearizable', () => {
  const h = history(write(1, 'p1', K, 0, 10, 1), read(2, 'p2', K, 20, 30, 1), write(3, 'p1', K, 40, 50, 2), read(4, 'p2', K, 60, 70, 2));
  const v = linearizableRegister.check(h);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.invariant, 'linearizable-register');
  assert.deepEqual(v.figures?.opsPerKey, { [K]: 4 });
  assert.equal(v.figures?.ok, 4);
});

test('(b) a read overlapping a write may see either value', () => {
  for (const seen of [1, 2]) {
    const h = history(write(1, 'p1', K, 0, 10, 1), write(2, 'p1', K, 20, 60, 2), read(3, 'p2', K, 30, 50, seen));
    assert.equal(checkLinearizable(h).valid, true, `read of ${seen}`);
  }
  // Touching at an instant counts as overlapping: the clock cannot order them.
  assert.equal(checkLinearizable(history(write(1, 'p1', K, 0, 10, 1), read(2, 'p2', K, 10, 20, null))).valid, true);
  // A read before any write sees the missing znode as null.
  assert.equal(checkLinearizable(history(read(1, 'p2', K, 0, 5, null), write(2, 'p1', K, 10, 20, 1))).valid, true);
});

test('(c) a stale read after a newer write completed is not linearizable, and the witness names it', () => {
  const h = history(write(1, 'p1', K, 0, 10, 3), write(2, 'p2', K, 1000, 1100, 5), read(3, 'p3', K, 1200, 1250, 3));
  const v = checkLinearizable(h);
  assert.equal(v.valid, false);
  const w = witnesses(v)[0]!;
  assert.equal(w.key, K);
  assert.equal(w.prefixLength, 2);
  assert.equal(w.stateAfterPrefix, 5);
  assert.deepEqual(w.prefixTail.map((o) => o.value.value), [3, 5]);
  assert.deepEqual(w.unplaceable.map((u) => [u.process, u.f, u.value, u.invokeMs, u.completeMs]), [['p3', 'read', { key: K, value: 3 }, 1200, 1250]]);
  assert.match(w.unplaceable[0]!.why, /read → 3 by p3 on \/r1 at 1200–1250 ms cannot follow .* the register then held 5; every write of 3 was over by 10 ms, before write 5 by p2 began at 1000 ms, and that completed at 1100 ms, before this read began/);
  assert.deepEqual(v.evidence.map((e) => [e.atMs, e.untilMs, e.participants]), [[1200, 1250, ['p3', K]]]);
  assert.match(v.summary, /1 of 1 register key\(s\) not linearizable: on \/r1, read → 3 by p3 at 1200–1250 ms cannot follow a linearizable prefix of 2 of 3 ops \(the register then held 5\)/);
});

test('a read of null once a write completed is stale too: nothing deletes the znode', () => {
  const v = checkLinearizable(history(write(1, 'p1', K, 0, 10, 1), read(2, 'p2', K, 20, 30, null)));
  assert.equal(v.valid, false);
  assert.match(witnesses(v)[0]!.unplaceable[0]!.why, /nothing deletes the znode, and write 1 by p1 completed at 10 ms/);
});

test('(d) an unknown write may have taken effect, at any time after its call, or never', () => {
  const seenLater = history(write(1, 'p1', K, 0, 10, 1), write(2, 'p2', K, 20, null, 2, 'info'), read(3, 'p3', K, 500, 510, 1), read(4, 'p3', K, 900, 910, 2));
  const v = checkLinearizable(seenLater);
  assert.equal(v.valid, true, v.summary);
  assert.equal(v.figures?.info, 1);
  const neverSeen = history(write(1, 'p1', K, 0, 10, 1), write(2, 'p2', K, 20, 30, 2, 'info'), read(3, 'p3', K, 500, 510, 1));
  assert.equal(checkLinearizable(neverSeen).valid, true);
  // Never completed before the history ended: the same as info.
  const incomplete = checkLinearizable(history(write(1, 'p2', K, 20, null, 2), read(2, 'p3', K, 500, 510, 2)));
  assert.equal(incomplete.valid, true);
  assert.equal(incomplete.figures?.incomplete, 1);
  // But not before its call.
  assert.equal(checkLinearizable(history(read(1, 'p3', K, 0, 10, 2), write(2, 'p2', K, 20, 30, 2, 'info'))).valid, false);
});

test('(e) a failed write whose value is later read is not linearizable', () => {
  const v = checkLinearizable(history(write(1, 'p1', K, 0, 10, 7, 'fail'), read(2, 'p2', K, 20, 30, 7)));
  assert.equal(v.valid, false);
  const w = witnesses(v)[0]!;
  assert.equal(w.prefixLength, 0);
  assert.match(w.unplaceable[0]!.why, /register then held null .*; no write of 7 that may have taken effect was invoked on \/r1 \(write 7 by p1 at 0–10 ms failed\)/);
  assert.equal(v.figures?.fail, 1);
});

test('(f) a CAS that took effect needed the value it compared with', () => {
  const ok = history(write(1, 'p1', K, 0, 10, 1), cas(2, 'p2', K, 20, 30, 1, 2), read(3, 'p3', K, 40, 50, 2));
  assert.equal(checkLinearizable(ok).valid, true);
  const held3 = history(write(1, 'p1', K, 0, 10, 3), cas(2, 'p2', K, 20, 30, 1, 2), read(3, 'p3', K, 40, 50, 2));
  const v = checkLinearizable(held3);
  assert.equal(v.valid, false);
  const stuck = witnesses(v)[0]!.unplaceable[0]!;
  assert.equal(stuck.f, 'cas');
  assert.match(stuck.why, /cas 1→2 by p2 .* the register then held 3 \(it needed 1\)/);
  // A failed CAS did not happen; an unknown one may have.
  assert.equal(checkLinearizable(history(write(1, 'p1', K, 0, 10, 1), cas(2, 'p2', K, 20, 30, 1, 2, 'fail'), read(3, 'p3', K, 40, 50, 1))).valid, true);
  assert.equal(checkLinearizable(history(write(1, 'p1', K, 0, 10, 1), cas(2, 'p2', K, 20, 30, 1, 2, 'info'), read(3, 'p3', K, 40, 50, 2), read(4, 'p3', K, 60, 70, 2))).valid, true);
});

test('a CAS that returned false observed the register: what it found must fit, like a read, and it wrote nothing', () => {
  const fits = history(write(1, 'p1', K, 0, 10, 1), casNotSwapped(2, 'p2', K, 20, 30, 5, 6, 1), read(3, 'p3', K, 40, 50, 1));
  assert.equal(checkLinearizable(fits).valid, true);
  // It found 1 after 2 had been written and acknowledged: a stale observation, named in the witness.
  const stale = history(write(1, 'p1', K, 0, 10, 1), write(2, 'p1', K, 20, 30, 2), casNotSwapped(3, 'p2', K, 40, 50, 5, 6, 1));
  const v = checkLinearizable(stale);
  assert.equal(v.valid, false);
  assert.match(witnesses(v)[0]!.unplaceable[0]!.why, /cas 5→6 \(not swapped: found 1\) by p2 .* held 2; every write of 1 was over by 10 ms, before write 2 by p1 began .* before this CAS began/);
  // Returning false while the register held `from` is impossible; and a not-swapped CAS wrote nothing.
  assert.equal(checkLinearizable(history(write(1, 'p1', K, 0, 10, 5), casNotSwapped(2, 'p2', K, 20, 30, 5, 6, 5))).valid, false);
  assert.equal(checkLinearizable(history(write(1, 'p1', K, 0, 10, 1), casNotSwapped(2, 'p2', K, 20, 30, 5, 6, 1), read(3, 'p3', K, 40, 50, 6))).valid, false);
  // A not-swapped CAS whose `found` is not a register value is a hole in the record.
  const bad = history(write(1, 'p1', K, 0, 10, 1), ...casNotSwapped(2, 'p2', K, 20, 30, 5, 6, 1).map((e) => (e.type === 'ok' ? { ...e, value: { key: K, swapped: false, found: { no: 1 } } } : e)));
  assert.equal(checkLinearizable(bad).valid, 'unknown');
});

test('(g) keys are checked on their own; a violation is reported under its key', () => {
  const h = history(
    write(1, 'p1', '/a', 0, 10, 1), read(2, 'p2', '/a', 20, 30, 1),
    write(3, 'p1', '/b', 0, 10, 1), write(4, 'p1', '/b', 20, 30, 2), read(5, 'p2', '/b', 40, 50, 1),
    // The same value on another key does not excuse /b's stale read, nor does /a's state leak into /b.
    write(6, 'p3', '/a', 35, 45, 1),
  );
  const v = checkLinearizable(h);
  assert.equal(v.valid, false);
  assert.deepEqual(witnesses(v).map((w) => w.key), ['/b']);
  assert.deepEqual(v.evidence[0]!.participants, ['p2', '/b']);
  assert.deepEqual(v.figures?.opsPerKey, { '/a': 3, '/b': 3 });
});

test('no register ops is nothing to judge; other ops named read without a key are not ours; unparsable ones are a hole', () => {
  assert.match(checkLinearizable([]).summary, /nothing to judge/);
  assert.equal(checkLinearizable(history(read(1, 'p', undefined as unknown as string, 0, 1, 1))).valid, true);
  const v = checkLinearizable(history(write(1, 'p1', K, 0, 10, 1), read(2, 'p2', K, 20, 30, { x: 1 } as unknown as number)));
  assert.equal(v.valid, 'unknown');
  assert.equal(v.figures?.malformed, 1);
  assert.match(v.summary, /1 register op\(s\) could not be read/);
});
