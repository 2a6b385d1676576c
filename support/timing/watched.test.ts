import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { currentAt, measureWatched, windowOf, TimedSnapshot, WatchedSource } from './watched';
import { now } from '../../containers/shared/deadline';

interface Snap extends TimedSnapshot { readonly registered: boolean }

const snap = (registered: boolean, epoch: number, changedAtMs: number | null, readStartMs: number, readEndMs = readStartMs + 2): Snap =>
  ({ registered, epoch, changedAtMs, readStartMs, readEndMs });

class FakeWatch implements WatchedSource<Snap> {
  readonly history: Snap[] = [];
  readonly ends = new Map<number, number>();
  private readonly listeners = new Set<(s: Snap) => void>();
  follows = 0;
  snapshots() { return this.history; }
  subscribe(l: (s: Snap) => void) { this.listeners.add(l); return () => this.listeners.delete(l); }
  epochEndedAt(e: number) { return this.ends.get(e) ?? null; }
  describe() { return 'fake watch'; }
  follow() { this.follows++; }
  deliver(s: Snap) { this.history.push(s); for (const l of this.listeners) l(s); }
}

const judge = (s: Snap) => ({ ok: !s.registered, seen: s.registered ? 'n2 registered' : 'n2 gone' });

describe('windowOf', () => {
  it('watched without a gap: from the notification to the end of the read', () => {
    const w = windowOf(snap(true, 1, null, 100), snap(false, 1, 1040, 1041, 1043), 1000, () => null, '/p');
    assert.deepEqual(w, { lastFalseMs: 40, firstTrueMs: 43, observedBy: 'watch on /p' });
  });

  it('never claims less than the last false read itself', () => {
    const w = windowOf(snap(true, 1, 1050, 1060), snap(false, 1, 1055, 1070, 1072), 1000, () => null, '/p');
    assert.equal(w.lastFalseMs, 60);
  });

  it('across a reconnection: vouched only until the old connection was lost', () => {
    const w = windowOf(snap(true, 1, null, 100), snap(false, 2, null, 3000, 3004), 1000, (e) => (e === 1 ? 2500 : null), '/p');
    assert.deepEqual(w, { lastFalseMs: 1500, firstTrueMs: 2004, observedBy: 'watch on /p, across a reconnection' });
  });

  it('true at the first look counts from the start, not from an older read', () => {
    const w = windowOf(null, snap(false, 1, 900, 901, 903), 1000, () => null, '/p');
    assert.deepEqual(w, { lastFalseMs: null, firstTrueMs: 0, observedBy: 'watch on /p: already true at the first look' });
  });
});

describe('currentAt', () => {
  it('picks the last snapshot read by the start, else the first', () => {
    const h = [snap(true, 1, null, 10), snap(true, 1, 50, 50), snap(false, 1, 90, 90)];
    assert.equal(currentAt(h, 60), 1);
    assert.equal(currentAt(h, 5), 0);
  });
});

describe('measureWatched', () => {
  it('judges every snapshot in order and is met by the first true one', async () => {
    const watch = new FakeWatch();
    const since = now();
    watch.deliver(snap(true, 1, null, since - 500));
    const pending = measureWatched('n2 to leave', watch, judge, 1000, { sinceMs: since, watching: '/fleet/services/web' });
    const t = now();
    watch.deliver(snap(true, 1, t, t)); // another child changed: still registered
    watch.deliver(snap(false, 1, t + 5, t + 6, t + 8));
    const m = await pending;
    assert.equal(m.met, true);
    assert.equal(m.probes, 3);
    assert.equal(Math.round(m.lastFalseMs ?? -1), Math.round(t + 5 - since));
    assert.equal(Math.round(m.firstTrueMs ?? -1), Math.round(t + 8 - since));
    assert.equal(m.observedBy, 'watch on /fleet/services/web');
  });

  it('a miss says what was last seen and the state of the watch, after the overrun', async () => {
    const watch = new FakeWatch();
    watch.deliver(snap(true, 1, null, now()));
    const m = await measureWatched('n2 to leave', watch, judge, 30, { watching: '/p' });
    assert.equal(m.met, false);
    assert.equal(m.measuredMs, null);
    assert.match(m.lastSeen, /n2 registered \(fake watch\)/);
  });

  it('a late true is recorded but not met', async () => {
    const watch = new FakeWatch();
    const since = now();
    watch.deliver(snap(true, 1, null, since));
    setTimeout(() => { const t = now(); watch.deliver(snap(false, 1, t, t)); }, 40);
    const m = await measureWatched('n2 to leave', watch, judge, 30, { sinceMs: since, watching: '/p' });
    assert.equal(m.met, false);
    assert.ok(m.measuredMs !== null && m.measuredMs > 30);
  });

  it('a judge that throws counts as false, with its message', async () => {
    const watch = new FakeWatch();
    watch.deliver(snap(true, 1, null, now()));
    const m = await measureWatched('x', watch, () => { throw new Error('bad registration JSON'); }, 20, { watching: '/p' });
    assert.match(m.lastSeen, /bad registration JSON/);
  });
});

describe('measureWatched from the start of the fault', () => {
  it('a change that landed while the fault step ran is placed before its end, and counts as no time', async () => {
    const watch = new FakeWatch();
    const faultStart = now();
    watch.deliver(snap(true, 1, null, faultStart - 1000));
    watch.deliver(snap(false, 1, faultStart + 30, faultStart + 31, faultStart + 33));
    const since = faultStart + 60;
    const m = await measureWatched('n3 to leave', watch, judge, 1000, { sinceMs: since, fromMs: faultStart, watching: '/p' });
    assert.equal(m.met, true);
    assert.equal(m.measuredMs, 0);
    assert.equal(Math.round(m.lastFalseMs ?? 0), -30);
    assert.equal(Math.round(m.firstTrueMs ?? 0), -27);
  });
});

describe('measureWatched when the state at the end of the fault is already true', () => {
  it('takes the window of its last change during the fault, not the state before the fault', async () => {
    const watch = new FakeWatch();
    const from = now();
    // gone before the fault, back, gone again during it (a rolling restart), and still gone at the end
    watch.deliver(snap(false, 1, null, from - 500));
    watch.deliver(snap(true, 1, from + 10, from + 11));
    watch.deliver(snap(false, 1, from + 40, from + 41, from + 44));
    const since = from + 100;
    const m = await measureWatched('n2 to be gone', watch, judge, 1000, { sinceMs: since, fromMs: from, watching: '/p' });
    assert.equal(m.measuredMs, 0);
    assert.equal(Math.round(m.lastFalseMs ?? 0), -60);
    assert.equal(Math.round(m.firstTrueMs ?? 0), -56);
  });

  it('true throughout the fault is "already true at the first look"', async () => {
    const watch = new FakeWatch();
    const from = now();
    watch.deliver(snap(false, 1, null, from - 500));
    const m = await measureWatched('n2 to be gone', watch, judge, 1000, { sinceMs: from + 100, fromMs: from, watching: '/p' });
    assert.equal(m.measuredMs, 0);
    assert.equal(m.lastFalseMs, null);
    assert.match(m.observedBy, /already true at the first look/);
  });
});
