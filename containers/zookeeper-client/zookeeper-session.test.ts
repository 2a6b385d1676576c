// The session against the real node-zookeeper-client and scripted servers on loopback.
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import type { ConnectionState } from './connection-states';
import { ZooKeeperSession } from './zookeeper-session';
import { ScriptedZooKeeper } from './testing/scripted-zookeeper';

const servers: ScriptedZooKeeper[] = [];
const sessions: ZooKeeperSession[] = [];
after(() => {
  for (const s of sessions) s.close();
  for (const s of servers) s.stop();
});

async function server(sessionTimeoutMs = 4000): Promise<ScriptedZooKeeper> {
  const zk = new ScriptedZooKeeper(sessionTimeoutMs);
  await zk.start();
  zk.put('/fleet', 'config');
  servers.push(zk);
  return zk;
}

function session(connectString: string | (() => string), opTimeoutMs = 2000, connectWaitMs?: number): { zk: ZooKeeperSession; states: ConnectionState[] } {
  const zk = new ZooKeeperSession(connectString, { sessionTimeoutMs: 4000, opTimeoutMs, connectWaitMs });
  sessions.push(zk);
  const states: ConnectionState[] = [];
  zk.onStateChange((s) => states.push(s));
  return { zk, states };
}

async function until(what: string, ok: () => boolean, withinMs = 3000): Promise<void> {
  for (const start = Date.now(); !ok(); await new Promise((r) => setTimeout(r, 5))) {
    if (Date.now() - start > withinMs) throw new Error(`not ${what} within ${withinMs} ms`);
  }
}

describe('ZooKeeperSession', () => {
  it('waits for its connection, then reads; a missing znode reads as null', async () => {
    const { zk, states } = session((await server()).connectString);
    assert.equal((await zk.getData('/fleet'))?.data?.toString(), 'config');
    assert.deepEqual(states, ['CONNECTED']);
    assert.equal(await zk.getData('/absent'), null);
    assert.equal(await zk.getChildren('/absent'), null);
    assert.equal(await zk.exists('/absent'), null);
  });

  it('fails an operation that gets no answer within its bound', async () => {
    const server1 = await server();
    const { zk } = session(server1.connectString, 200);
    await zk.exists('/fleet');
    server1.stall(true);
    const start = Date.now();
    await assert.rejects(zk.getData('/fleet'), /getData \/fleet got no answer within 200 ms/);
    assert.ok(Date.now() - start < 1000);
    server1.stall(false);
  });

  it('fails an operation as never sent once it has waited its connect wait for a connection', async () => {
    const { zk } = session('127.0.0.1:1', 2000, 100); // nothing listens: the session never connects
    const start = Date.now();
    await assert.rejects(zk.getData('/fleet'), (e: Error) => e.name === 'NotSentError' && /no connection within 100 ms, so it was never sent/.test(e.message));
    assert.ok(Date.now() - start < 1000, `failed after ${Date.now() - start} ms`);
  });

  it('fails what waits for a connection when it is closed', async () => {
    const { zk } = session('127.0.0.1:1');
    const read = zk.getData('/fleet');
    zk.close();
    zk.close();
    await assert.rejects(read, /session was closed/);
  });

  it('names its states as Curator does and starts a new session when the old one expires', async () => {
    const server1 = await server();
    const { zk, states } = session(server1.connectString);
    await zk.exists('/fleet');
    server1.expireSessions();
    await until('reconnected', () => states.includes('RECONNECTED'));
    assert.deepEqual(states, ['CONNECTED', 'SUSPENDED', 'LOST', 'RECONNECTED']);
    assert.match(zk.describe(), /session 2 .* new session after session expired/);
    assert.ok(await zk.exists('/fleet'));
  });

  it('gives up a connection suspended for the session timeout, and follows a changed connect string', async () => {
    const server1 = await server(300);
    const server2 = await server(300);
    let target = server1.connectString;
    const { zk, states } = session(() => target);
    await zk.exists('/fleet');
    zk.follow(); // connected: nothing to follow
    assert.equal(zk.connectString, server1.connectString);
    server1.stop();
    await until('lost', () => states.includes('LOST'));
    assert.match(zk.describe(), /new session after suspended for the session timeout of 300 ms/);
    target = server2.connectString;
    zk.follow();
    await until('reconnected', () => zk.connected);
    assert.equal(zk.connectString, server2.connectString);
    assert.deepEqual(states, ['CONNECTED', 'SUSPENDED', 'LOST', 'RECONNECTED']);
    assert.match(zk.describe(), /new session after the connect string changed/);
  });
});
