// The watch recipe against the real node-zookeeper-client and a scripted server on loopback.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { ChildrenCache, ChildrenSnapshot } from './children-cache';
import { ScriptedZooKeeper } from '../../containers/shared/testing/scripted-zookeeper';
import { now } from '../../containers/shared/deadline';

const PATH = '/fleet/services/web';
const zk = new ScriptedZooKeeper();
const moved = new ScriptedZooKeeper();
/** Where the cache's connect string points: the members' host ports change when they are restarted. */
let target = zk;
let cache: ChildrenCache;

function next(): Promise<ChildrenSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no snapshot within 3 s (${cache.describe()})`)), 3000);
    const stop = cache.subscribe((s) => {
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
  cache = new ChildrenCache(PATH, () => target.connectString);
});

after(() => {
  cache.close();
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
    assert.match(cache.describe(), /member ports changed/);
  });

  it('close is idempotent and publishes nothing more', () => {
    cache.close();
    cache.close();
    assert.equal(cache.state(), 'CLOSED');
  });
});
