import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observeLatch, observeRegistrations } from './watch-observer';
import { History } from '../history/history';
import { HistoryEvent } from '../history/events';

type Cache = Parameters<typeof observeRegistrations>[0];
type Snapshot = ReturnType<Cache['snapshots']>[number];

/** A watch whose snapshots and losses a test delivers, with readings of performance.now() it chooses. */
class FakeCache {
  readonly history: Snapshot[] = [];
  readonly ends = new Map<number, number>();
  current: 'WATCHING' | 'CONNECTING' = 'WATCHING';
  private readonly listeners = new Set<(s: Snapshot) => void>();
  private readonly lost = new Set<(epoch: number, atMs: number) => void>();
  snapshots() { return this.history; }
  state() { return this.current; }
  epochEndedAt(epoch: number) { return this.ends.get(epoch) ?? null; }
  subscribe(l: (s: Snapshot) => void) { this.listeners.add(l); return () => this.listeners.delete(l); }
  onLost(l: (epoch: number, atMs: number) => void) { this.lost.add(l); return () => this.lost.delete(l); }
  follow() {}
  deliver(s: Snapshot) { this.history.push(s); for (const l of this.listeners) l(s); }
  lose(epoch: number, atMs: number) { this.ends.set(epoch, atMs); for (const l of this.lost) l(epoch, atMs); }
}

const registration = (node: string) => Buffer.from(JSON.stringify({ address: `${node}.fleet`, port: 8080, payload: { node } }));

function snapshot(children: Record<string, Buffer>, readStartMs: number, readEndMs: number, epoch = 1): Snapshot {
  const owners = new Map(Object.keys(children).map((id, i) => [id, `00000000000000a${i}`]));
  return { path: '/fleet/services/web', pathExists: true, children: new Map(Object.entries(children)), owners, epoch, changedAtMs: null, readStartMs, readEndMs };
}

const stamps = (h: History) => h.events().map((e: HistoryEvent) => ({ t: e.t, sentAt: (e as { sentAt?: number }).sentAt }));

test('a watch\'s snapshots go into the history on its clock: asked at the read\'s start, stamped at its end', async () => {
  const h = new History(10_000);
  const cache = new FakeCache();
  const observer = observeRegistrations(cache as unknown as Cache, h);
  cache.deliver(snapshot({ 'id-1': registration('node-1') }, 10_100, 10_130));
  cache.lose(1, 10_200.5);
  await observer.stop();
  assert.deepEqual(stamps(h), [{ t: 130, sentAt: 100 }, { t: 200.5, sentAt: 200.5 }]);
  const [seen, lost] = h.events();
  assert.deepEqual(seen, { kind: 'observe', observer: 'registrations', t: 130, sentAt: 100, epoch: 1,
    entries: [{ id: 'id-1', node: 'node-1', address: 'node-1.fleet', port: 8080, owner: '00000000000000a0' }] });
  assert.deepEqual(lost, { kind: 'observe', observer: 'registrations', t: 200.5, sentAt: 200.5, lost: true, epoch: 1 });
});

test('the state in force at the start is the live watch\'s newest snapshot, stamped when it was read (before the origin: negative)', async () => {
  const h = new History(10_000);
  const cache = new FakeCache();
  cache.deliver(snapshot({}, 8_000, 8_010));
  cache.deliver(snapshot({ 'id-1': registration('node-1') }, 9_500, 9_520));
  const observer = observeRegistrations(cache as unknown as Cache, h);
  await observer.stop();
  assert.deepEqual(stamps(h), [{ t: -480, sentAt: -500 }]);
});

test('a newest snapshot is not vouched for when the watch is not live or its connection was lost', async () => {
  for (const arrange of [(c: FakeCache) => { c.current = 'CONNECTING'; }, (c: FakeCache) => { c.ends.set(1, 9_900); }]) {
    const h = new History(10_000);
    const cache = new FakeCache();
    cache.deliver(snapshot({ 'id-1': registration('node-1') }, 9_500, 9_520));
    arrange(cache);
    await observeRegistrations(cache as unknown as Cache, h).stop();
    assert.deepEqual(h.events(), []);
  }
});

test('the latch\'s participants are recorded in latch order; nothing is recorded after stop()', async () => {
  const h = new History(0);
  const cache = new FakeCache();
  const observer = observeLatch(cache as unknown as Cache, h);
  cache.deliver(snapshot({ '_c_b-latch-0000000003': Buffer.from('node-2'), '_c_a-latch-0000000001': Buffer.from('node-3') }, 50, 60));
  await observer.stop();
  cache.deliver(snapshot({}, 70, 80));
  cache.lose(1, 90);
  assert.deepEqual(h.events(), [{ kind: 'observe', observer: 'latch', t: 60, sentAt: 50, epoch: 1, participants: ['node-3', 'node-2'] }]);
});
