import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, eventually, holds, now, retry } from './deadline';

test('measures the first true observation and the last false one', async () => {
  const since = now();
  const m = await measure('flag set', async () => ({ ok: now() - since > 120, seen: 'x' }), 1000, { sinceMs: since, pollMs: 10 });
  assert.equal(m.met, true);
  assert.ok(m.measuredMs! >= 120 && m.measuredMs! < 400, `measured ${m.measuredMs}`);
  assert.ok(m.lastFalseMs! < m.firstTrueMs!);
  assert.ok(m.firstTrueMs! - m.lastFalseMs! < 100, 'window within a poll or two');
});

test('a miss keeps looking past the deadline so it still has a figure', async () => {
  const since = now();
  const m = await measure('late flag', async () => ({ ok: now() - since > 150, seen: 'not yet' }), 100, { sinceMs: since, pollMs: 10 });
  assert.equal(m.met, false);
  assert.ok(m.measuredMs !== null && m.measuredMs > 100);
});

test('a condition that never comes true fails with what, how long and what was seen', async () => {
  await assert.rejects(
    eventually('the moon to turn blue', async () => ({ ok: false, seen: 'moon is grey' }), 100, { pollMs: 10 }),
    /Waited 100 ms for the moon to turn blue, but it did not happen; last seen: moon is grey/,
  );
});

test('a probe that throws counts as false and is reported', async () => {
  const m = await measure('throwing', async () => { throw new Error('boom'); }, 50, { pollMs: 10, overrunFactor: 1 });
  assert.equal(m.met, false);
  assert.match(m.lastSeen, /error: boom/);
});

test('holds fails as soon as the condition breaks', async () => {
  const start = now();
  await assert.rejects(holds('stays up', async () => ({ ok: now() - start < 50, seen: 'went down' }), 1000, 10), /Expected stays up to hold.*went down/);
  assert.equal(typeof (await holds('always', async () => ({ ok: true, seen: '' }), 50, 10)), 'number');
});

test('measure woken by a watch probes at once when the watch announces a change instead of waiting out the poll', async () => {
    const listeners = new Set<() => void>();
    const wake = { subscribe: (l: () => void) => { listeners.add(l); return () => listeners.delete(l); } };
    let flipped = false;
    setTimeout(() => { flipped = true; for (const l of listeners) l(); }, 30);
    const m = await measure('flip', async () => ({ ok: flipped, seen: String(flipped) }), 5000, { pollMs: 2000, wake });
    assert.equal(m.met, true);
    assert.ok((m.firstTrueMs ?? 9999) < 500, `seen after ${m.firstTrueMs} ms with a 2 s poll`);
});

test('retry: tries again until an attempt returns', async () => {
  let tries = 0;
  const value = await retry(async () => {
    tries++;
    if (tries < 3) throw new Error('not yet');
    return 'done';
  }, { withinMs: 1000, pauseMs: 1 });
  assert.equal(value, 'done');
  assert.equal(tries, 3);
});

test('retry: an error that is not retryable is thrown at once', async () => {
  let tries = 0;
  await assert.rejects(retry(async () => {
    tries++;
    throw new TypeError('broken');
  }, { withinMs: 1000, pauseMs: 1, retryable: (e) => !(e instanceof TypeError) }), /broken/);
  assert.equal(tries, 1);
});

test('retry: past the deadline the give-up error is thrown, with the last error as its cause', async () => {
  const error = await retry(async () => {
    throw new Error('still down');
  }, { withinMs: 20, pauseMs: 5, giveUp: (_last, attempts) => new Error(`gave up after ${attempts} attempts`) }).catch((e: Error) => e);
  assert.match((error as Error).message, /^gave up after \d+ attempts$/);
  assert.equal(((error as Error).cause as Error).message, 'still down');
});
