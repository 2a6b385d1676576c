import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { SeededRandom } from '../../fleet/seeded-random';
import { DEFAULT_SCHEDULE, parseScheduleWords, randomSchedule } from './random-schedule';

const members = ['zk-1', 'zk-2', 'zk-3'];

test('the same seed gives the same schedule; faults never overlap and all end within the time asked', () => {
  const make = (seed: number) => randomSchedule(new SeededRandom(seed), ['kills', 'pauses', 'isolations'], { members }, { ...DEFAULT_SCHEDULE, totalMs: 60_000 });
  assert.deepEqual(make(7), make(7));
  assert.notDeepEqual(make(7), make(8));
  for (let seed = 1; seed < 50; seed++) {
    const s = make(seed);
    assert.ok(s.length >= 5, `seed ${seed}: only ${s.length} faults in 60 s`);
    for (const [i, f] of s.entries()) {
      assert.ok(f.forMs >= 2000 && f.forMs <= 5000);
      assert.ok(f.atMs + f.forMs <= 60_000);
      if (i > 0) assert.ok(f.atMs - (s[i - 1]!.atMs + s[i - 1]!.forMs) >= 2000, 'a quiet spell between faults');
      assert.ok(members.includes(f.target) && f.on === 'member');
    }
  }
  const kinds = new Set(Array.from({ length: 20 }, (_, seed) => make(seed)).flat().map((f) => f.kind));
  assert.deepEqual([...kinds].sort(), ['isolate', 'kill', 'pause']);
});

test('the words a step lists name the kinds; an unknown word is refused by name', () => {
  assert.deepEqual(parseScheduleWords('kills, pauses, isolations and slow links'), ['kills', 'pauses', 'isolations', 'slow links']);
  assert.throws(() => parseScheduleWords('kills and floods'), /"floods" is not one of them/);
  assert.throws(() => randomSchedule(new SeededRandom(1), [], { members }, { ...DEFAULT_SCHEDULE, totalMs: 1000 }), /at least one kind/);
});

test('a fleet-wide schedule strikes members and nodes, each with the kind its word means for it', () => {
  const nodes = ['node-1', 'node-2', 'node-3'];
  const all = Array.from({ length: 20 }, (_, seed) => randomSchedule(new SeededRandom(seed), parseScheduleWords('kills, pauses and partitions'), { members, nodes }, { ...DEFAULT_SCHEDULE, totalMs: 60_000 })).flat();
  assert.ok(all.some((f) => f.on === 'node') && all.some((f) => f.on === 'member'));
  for (const f of all) {
    assert.ok((f.on === 'node' ? nodes : members).includes(f.target));
    if (f.on === 'node') assert.ok(['kill', 'pause', 'cut-off'].includes(f.kind), `a node got ${f.kind}`);
    else assert.ok(['kill', 'pause', 'isolate'].includes(f.kind), `a member got ${f.kind}`);
  }
  assert.ok(all.some((f) => f.kind === 'cut-off') && all.some((f) => f.kind === 'isolate'));
  // Words that only strike members never pick a node, and a schedule with nothing to strike is refused.
  assert.ok(randomSchedule(new SeededRandom(3), ['isolations'], { members, nodes }, { ...DEFAULT_SCHEDULE, totalMs: 30_000 }).every((f) => f.on === 'member'));
  assert.throws(() => randomSchedule(new SeededRandom(1), ['isolations'], { members: [], nodes }, { ...DEFAULT_SCHEDULE, totalMs: 30_000 }), /a member or node it can strike/);
});
