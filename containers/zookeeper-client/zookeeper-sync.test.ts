// sync() on the real node-zookeeper-client against a scripted server: the wire says opcode 9, the reply (the
// path echoed back) is consumed without dropping the connection, and what follows is read correctly.
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { NotSentError, ZooKeeperSession } from './zookeeper-session';
import { ScriptedZooKeeper } from './testing/scripted-zookeeper';
import { parseRequest } from './testing/zookeeper-wire';
import { syncFrame } from './zookeeper-sync';

const cleanup: Array<() => void> = [];
after(() => cleanup.forEach((c) => c()));

async function started(): Promise<ScriptedZooKeeper> {
  const server = new ScriptedZooKeeper();
  await server.start();
  server.put('/registers', 'r');
  cleanup.push(() => server.stop());
  return server;
}

describe('sync', () => {
  it('is framed as ZooKeeper\'s SyncRequest: xid, opcode 9, path', () => {
    const frame = syncFrame(7, '/registers');
    assert.equal(frame.readInt32BE(0), frame.length - 4);
    assert.deepEqual(parseRequest(frame.subarray(4)), { xid: 7, op: 9, path: '/registers' });
  });

  it('is answered, and the connection goes on reading the next replies in order', async () => {
    const server = await started();
    const zk = new ZooKeeperSession(server.connectString, { opTimeoutMs: 1000 });
    cleanup.push(() => zk.close());
    await zk.sync('/registers');
    const [data, , stat] = await Promise.all([zk.getData('/registers'), zk.sync('/'), zk.exists('/registers')]);
    assert.equal(data?.data?.toString(), 'r');
    assert.ok(stat);
    assert.deepEqual(server.syncs, ['/registers', '/']);
    assert.equal(server.accepted, 1, 'the sync reply must not have cost the connection');
  });

  it('fails when unanswered; one that never got a connection says it was never sent', async () => {
    const server = await started();
    const zk = new ZooKeeperSession(server.connectString, { opTimeoutMs: 200 });
    cleanup.push(() => zk.close());
    await zk.exists('/registers');
    server.stall(true);
    await assert.rejects(zk.sync('/'), (e: Error) => !(e instanceof NotSentError) && /sync \/ got no answer within 200 ms/.test(e.message));
    server.stall(false);
    const nowhere = new ZooKeeperSession('127.0.0.1:1', { opTimeoutMs: 200 });
    cleanup.push(() => nowhere.close());
    await assert.rejects(nowhere.sync('/'), (e: Error) => e instanceof NotSentError && /never sent/.test(e.message));
  });
});
