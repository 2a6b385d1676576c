// The watch recipe against the real node-zookeeper-client and a scripted server on loopback.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { ChildrenCache, ChildrenSnapshot } from './children-cache';
import { ZooKeeperSession } from './zookeeper-session';
import { ScriptedZooKeeper } from './testing/scripted-zookeeper';
import { now } from '../shared/deadline';

const PATH = '/fleet/services/web';
const zk = new ScriptedZooKeeper();
const moved = new ScriptedZooKeeper();
/** Where the cache's connect string points: the members' host ports change when they are restarted. */
let target = zk;
let session: ZooKeeperSession;
let cache: ChildrenCache;

function next(of = cache): Promise<ChildrenSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no snapshot within 3 s (${of.describe()})`)), 3000);
    const stop = of.subscribe((s) => {
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

const names = (s: ChildrenSnapshot) => [...s.children.keys()].sort();

before(async () => {
  await zk.start();
  await moved.start();
  for (const server of [zk, moved]) for (const p of ['/fleet', '/fleet/services', PATH]) server.put(p, '');
  zk.put(`${PATH}/a`, '{"payload":{"node":"node-1"}}');
  moved.put(`${PATH}/m`, '{"payload":{"node":"node-9"}}');
  session = new ZooKeeperSession(() => target.connectString, { sessionTimeoutMs: 4000, opTimeoutMs: 2000 });
  cache = new ChildrenCache(PATH, session);
});

after(() => {
  cache.close();
  session.close();
  zk.stop();
  moved.stop();
});

describe('ChildrenCache', () => {
  let first: ChildrenSnapshot;

  it('reads the children and their data when it connects, as a connect read', async () => {
    const snapshot = next();
    cache.start();
    first = await snapshot;
    assert.deepEqual(names(first), ['a']);
    assert.equal(first.children.get('a')?.toString(), '{"payload":{"node":"node-1"}}');
    assert.equal(first.changedAtMs, null);
    assert.equal(cache.state(), 'WATCHING');
  });

  it('reads a missing path as absent and watches its creation (on a session shared with another cache)', async () => {
    const absent = new ChildrenCache('/fleet/absent', session);
    const first = next(absent);
    absent.start();
    const s = await first;
    assert.equal(s.pathExists, false);
    assert.equal(s.children.size, 0);
    const created = next(absent);
    zk.put('/fleet/absent', '');
    const c = await created;
    assert.equal(c.pathExists, true);
    assert.ok(c.changedAtMs !== null);
    absent.close();
    zk.remove('/fleet/absent');
  });

  it('re-reads on a notification, stamped with its arrival, on the same connection', async () => {
    const snapshot = next();
    const changedAfter = now();
    zk.put(`${PATH}/b`, '{"payload":{"node":"node-2"}}');
    const s = await snapshot;
    assert.deepEqual(names(s), ['a', 'b']);
    assert.equal(s.epoch, first.epoch);
    assert.ok(s.changedAtMs !== null && s.changedAtMs >= changedAfter && s.changedAtMs <= s.readStartMs);
    assert.ok(s.readEndMs - s.changedAtMs < 500, `read took ${s.readEndMs - s.changedAtMs} ms after the notification`);
  });

  it('keeps watching: the next change is notified too (the watch was re-armed by the read)', async () => {
    const snapshot = next();
    zk.remove(`${PATH}/a`);
    assert.deepEqual(names(await snapshot), ['b']);
  });

  it('re-reads when a child\'s data changes', async () => {
    const snapshot = next();
    zk.put(`${PATH}/b`, '{"payload":{"node":"node-4"}}');
    const s = await snapshot;
    assert.equal(s.children.get('b')?.toString(), '{"payload":{"node":"node-4"}}');
    assert.ok(s.changedAtMs !== null);
  });

  it('reads a child\'s deletion once (its own notification is left to its parent\'s)', async () => {
    const added = next();
    zk.put(`${PATH}/x`, '{}');
    await added;
    const seen: ChildrenSnapshot[] = [];
    const stop = cache.subscribe((s) => seen.push(s));
    zk.remove(`${PATH}/x`);
    await new Promise((r) => setTimeout(r, 200));
    stop();
    assert.deepEqual(seen.map(names), [['b']]);
  });

  it('a lost connection ends the epoch; the reconnection reads afresh in a new one', async () => {
    const snapshot = next();
    const droppedAt = now();
    zk.dropConnections();
    const s = await snapshot;
    assert.ok(s.epoch > first.epoch);
    assert.equal(s.changedAtMs, null);
    const ended = cache.epochEndedAt(first.epoch);
    assert.ok(ended !== null && ended >= droppedAt);
  });

  it('an expired session is replaced by a new one, which reads afresh in a new epoch', async () => {
    const before = cache.snapshots().at(-1)!;
    const snapshot = next();
    zk.expireSessions();
    const s = await snapshot;
    assert.ok(s.epoch > before.epoch);
    assert.equal(s.changedAtMs, null);
    assert.match(cache.describe(), /session expired/);
    const afterExpiry = next();
    zk.put(`${PATH}/c`, '{"payload":{"node":"node-3"}}');
    const watched = await afterExpiry;
    assert.deepEqual(names(watched), ['b', 'c']);
    assert.equal(watched.epoch, s.epoch);
    assert.ok(watched.changedAtMs !== null);
  });

  it('follows the members to new ports once the old ones stop answering', async () => {
    zk.stop();
    target = moved;
    const snapshot = next();
    cache.follow(); // while the old session still looks connected, nothing happens
    for (let waited = 0; cache.state() === 'WATCHING'; waited += 10) {
      assert.ok(waited < 3000, 'the cache did not notice that its server stopped');
      await new Promise((r) => setTimeout(r, 10));
    }
    cache.follow();
    const s = await snapshot;
    assert.deepEqual(names(s), ['m']);
    assert.match(cache.describe(), /the connect string changed/);
  });

  it('close is idempotent and publishes nothing more', () => {
    cache.close();
    cache.close();
    assert.equal(cache.state(), 'CLOSED');
  });
});
