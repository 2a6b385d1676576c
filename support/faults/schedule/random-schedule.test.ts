import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { SeededRandom } from '../../fleet/seeded-random';
import { DEFAULT_SCHEDULE, parseScheduleWords, randomSchedule } from './random-schedule';

const members = ['zk-1', 'zk-2', 'zk-3'];

test('the same seed gives the same schedule; faults never overlap and all end within the time asked', () => {
  const make = (seed: number) => randomSchedule(new SeededRandom(seed), ['kill', 'pause', 'isolate'], members, { ...DEFAULT_SCHEDULE, totalMs: 60_000 });
  assert.deepEqual(make(7), make(7));
  assert.notDeepEqual(make(7), make(8));
  for (let seed = 1; seed < 50; seed++) {
    const s = make(seed);
    assert.ok(s.length >= 5, `seed ${seed}: only ${s.length} faults in 60 s`);
    for (const [i, f] of s.entries()) {
      assert.ok(f.forMs >= 2000 && f.forMs <= 5000);
      assert.ok(f.atMs + f.forMs <= 60_000);
      if (i > 0) assert.ok(f.atMs - (s[i - 1]!.atMs + s[i - 1]!.forMs) >= 2000, 'a quiet spell between faults');
      assert.ok(members.includes(f.member));
    }
  }
  const kinds = new Set(Array.from({ length: 20 }, (_, seed) => make(seed)).flat().map((f) => f.kind));
  assert.deepEqual([...kinds].sort(), ['isolate', 'kill', 'pause']);
});

test('the words a step lists name the kinds; an unknown word is refused by name', () => {
  assert.deepEqual(parseScheduleWords('kills, pauses, isolations and slow links'), ['kill', 'pause', 'isolate', 'latency']);
  assert.throws(() => parseScheduleWords('kills and floods'), /"floods" is not one of them/);
  assert.throws(() => randomSchedule(new SeededRandom(1), [], members, { ...DEFAULT_SCHEDULE, totalMs: 1000 }), /at least one kind/);
});
