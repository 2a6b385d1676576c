import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { lagMs } from './registration-lag';

const ctime = (ms: number) => { const b = Buffer.alloc(8); b.writeBigInt64BE(BigInt(ms)); return b; };

test('a registration 1.5 s after the container started is a lag of 1500 ms; the engine\'s nanoseconds are cut to ms', () => {
  const started = Date.parse('2026-11-30T12:00:00.250Z');
  assert.equal(lagMs(ctime(started + 1500), '2026-11-30T12:00:00.250123456Z'), 1500);
});

test('a start time the engine did not give is refused, not read as 1970', () => {
  assert.throws(() => lagMs(ctime(0), '0001-01-01T00:00:00Z junk'), /not a container start time/);
});
