// The repairs against the real node-zookeeper-client, talking to a scripted server on loopback that speaks
// just enough of ZooKeeper's wire format (testing/zookeeper-wire.ts) to provoke each failure.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { createClient } from 'node-zookeeper-client';
import type { Client } from 'node-zookeeper-client';
import { guardZooKeeperClient, repairCounts } from './zookeeper-client-guard';
import type { ClientRepair } from './zookeeper-client-guard';
import { connectResponse, isConnectRequest, onFrames, reply } from './testing/zookeeper-wire';

const repairs: ClientRepair[] = [];
guardZooKeeperClient((r) => repairs.push(r));

const uncaught: Error[] = [];
process.on('uncaughtException', (e) => uncaught.push(e));

/** Calls `onFrame(socket, frame, connection)` for each whole frame a client sends. */
function scriptedServer(onFrame: (socket: Socket, frame: Buffer, connection: number) => void): Promise<Server> {
  let connections = 0;
  const server = createServer((socket) => {
    const connection = ++connections;
    sockets.push(socket);
    socket.on('error', () => undefined);
    onFrames(socket, (body) => onFrame(socket, body, connection));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const servers: Server[] = [];
const sockets: Socket[] = [];
const clients: Client[] = [];
after(() => {
  for (const c of clients) c.close();
  for (const s of sockets) s.destroy();
  for (const s of servers) s.close();
});

function clientOf(server: Server, sessionTimeoutMs = 4000): Client {
  const client = createClient(`127.0.0.1:${(server.address() as AddressInfo).port}`, { sessionTimeout: sessionTimeoutMs, spinDelay: 10, retries: 0 });
  clients.push(client);
  return client;
}

const managerState = (client: Client) => (client as unknown as { connectionManager: { state: number } }).connectionManager.state;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kinds = () => repairs.map((r) => r.kind);

async function until(what: string, ok: () => boolean, withinMs: number): Promise<number> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > withinMs) throw new Error(`not ${what} within ${withinMs} ms`);
    await sleep(5);
  }
  return Date.now() - start;
}

describe('node-zookeeper-client repairs', () => {
  it('closing before the ConnectResponse arrived neither throws nor reconnects', async () => {
    let client: Client | undefined;
    const server = await scriptedServer((socket) => {
      client?.close(); // the owner gives up while the connect is in flight
      setTimeout(() => socket.write(connectResponse(4000, 0x3c5d_0017)), 20);
    });
    client = clientOf(server);
    client.connect();
    await until('closed', () => managerState(client) === -2, 2000);
    await sleep(100); // the late ConnectResponse would land here
    assert.deepEqual(uncaught, []);
    assert.ok(kinds().includes('closed-before-connected'));
    assert.equal(managerState(client), -2);
  });

  it('bytes of a connection that died mid-frame are not read as the next connection\'s', async () => {
    const server = await scriptedServer((socket, _frame, connection) => {
      if (connection === 1) socket.end(connectResponse(4000, 0x1111_1111).subarray(0, 10));
      else socket.write(connectResponse(4000, 0x2222_2222));
    });
    const client = clientOf(server);
    const connected = new Promise<void>((resolve) => client.once('connected', () => resolve()));
    client.connect();
    await connected;
    assert.equal(client.getSessionId().toString('hex'), '01000a2b22222222');
    assert.ok(kinds().includes('stale-bytes-dropped'));
  });

  it('a reply the library cannot read drops the connection instead of throwing', async () => {
    const server = await scriptedServer((socket, body) => {
      if (isConnectRequest(body)) socket.write(connectResponse(4000, 0x3333_3333));
      // getData (op 4): answer with ZooKeeper's SESSION_MOVED (-118), a code the library does not know.
      else if (body.readInt32BE(4) === 4) socket.write(reply(body.readInt32BE(0), -118));
    });
    const client = clientOf(server);
    const connected = new Promise<void>((resolve) => client.once('connected', () => resolve()));
    client.connect();
    await connected;
    const before = repairCounts()['unreadable-frame'] ?? 0;
    const reconnected = new Promise<void>((resolve) => client.once('connected', () => resolve()));
    client.getData('/x', () => undefined);
    await reconnected;
    assert.deepEqual(uncaught, []);
    assert.equal(repairCounts()['unreadable-frame'], before + 1);
  });

  it('a server that stops answering is dropped after two thirds of the session timeout', async () => {
    const server = await scriptedServer((socket, body, connection) => {
      if (connection === 1 && isConnectRequest(body)) socket.write(connectResponse(600, 0x4444_4444));
      // then silence: pings go unanswered
    });
    const client = clientOf(server, 600);
    const connected = new Promise<void>((resolve) => client.once('connected', () => resolve()));
    client.connect();
    await connected;
    const disconnected = new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
    const start = Date.now();
    await disconnected;
    const tookMs = Date.now() - start;
    assert.ok(kinds().includes('silent-server'));
    assert.ok(tookMs >= 350 && tookMs < 1200, `dropped after ${tookMs} ms, expected about 400`);
  });
});
