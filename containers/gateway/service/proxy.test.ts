import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Backend } from './backend-policy';
import { Dispatchers } from './dispatchers';
import { Proxy } from './proxy';
import type { UpstreamRequest } from './proxy';
import { RoundRobin } from './round-robin';

function listen(name: string, delayMs = 0): Promise<Server> {
  const server = createServer((request, response) => {
    setTimeout(() => {
      response.setHeader('x-served-by', name);
      response.end(JSON.stringify({ node: name, path: request.url, forwardedFor: request.headers['x-forwarded-for'] }));
    }, delayMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function backend(node: string, port: number): Backend {
  return { id: `id-${node}`, node, address: '127.0.0.1', port };
}

function request(method = 'GET', path = '/'): UpstreamRequest {
  return { method, path, headers: { host: 'gateway' }, body: null, clientAddress: '10.0.0.9', clientGone: new AbortController().signal };
}

describe('proxy (local servers)', () => {
  const servers: Server[] = [];
  let dispatchers: Dispatchers;
  let live: Backend[];
  let dead: Backend;
  let slow: Backend;

  before(async () => {
    const [one, two, three] = [await listen('node-1'), await listen('node-2'), await listen('node-3', 1500)];
    servers.push(one, two, three);
    live = [backend('node-1', (one.address() as AddressInfo).port), backend('node-2', (two.address() as AddressInfo).port)];
    slow = backend('node-3', (three.address() as AddressInfo).port);
    const closed = await listen('gone');
    dead = backend('gone', (closed.address() as AddressInfo).port);
    await new Promise((resolve) => closed.close(resolve));
    dispatchers = new Dispatchers();
    dispatchers.start();
  });

  after(async () => {
    await dispatchers.close();
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('alternates between backends and names the one that answered', async () => {
    const proxy = new Proxy(dispatchers, new RoundRobin(2000));
    const nodes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const outcome = await proxy.forward(request('GET', '/x?y=1'), live);
      assert.ok(outcome.ok);
      assert.equal(outcome.answer.headers['x-served-by'], outcome.answer.backend.node);
      assert.deepEqual(JSON.parse(outcome.answer.body.toString()), { node: outcome.answer.backend.node, path: '/x?y=1', forwardedFor: '10.0.0.9' });
      nodes.push(outcome.answer.backend.node);
    }
    assert.deepEqual(nodes, ['node-1', 'node-2', 'node-1', 'node-2']);
  });

  it('retries an idempotent request on another backend when the first refuses connections', async () => {
    const proxy = new Proxy(dispatchers, new RoundRobin(2000));
    const outcome = await proxy.forward(request(), [dead, live[0] as Backend]);
    assert.ok(outcome.ok);
    assert.equal(outcome.answer.backend.node, 'node-1');
  });

  it('retries after a headers timeout', async () => {
    const proxy = new Proxy(dispatchers, new RoundRobin(2000));
    const started = Date.now();
    const outcome = await proxy.forward(request(), [slow, live[1] as Backend]);
    assert.ok(outcome.ok);
    assert.equal(outcome.answer.backend.node, 'node-2');
    const tookMs = Date.now() - started;
    assert.ok(tookMs >= 1000 && tookMs < 1300, `took ${tookMs} ms`);
  });

  it('notices a stalled backend even when the client gives up first, and rests it', async () => {
    const balancer = new RoundRobin(2000);
    const proxy = new Proxy(dispatchers, balancer);
    const gone = new AbortController();
    setTimeout(() => gone.abort(), 300);
    const outcome = await proxy.forward({ ...request(), clientGone: gone.signal }, [slow, live[0] as Backend]);
    assert.ok(!outcome.ok);
    assert.match(outcome.reason, /no response headers within 1000 ms/);
    assert.equal(balancer.pick([{ origin: `http://127.0.0.1:${slow.port}` }, { origin: `http://127.0.0.1:${(live[0] as Backend).port}` }])?.origin, `http://127.0.0.1:${(live[0] as Backend).port}`);
  });

  it('does not retry a POST, and reports both failures when the retry fails too', async () => {
    const proxy = new Proxy(dispatchers, new RoundRobin(2000));
    const post = await proxy.forward(request('POST'), [dead, live[0] as Backend]);
    assert.ok(!post.ok);
    assert.match(post.reason, /ECONNREFUSED/);
    const both = await proxy.forward(request(), [dead, { ...dead, node: 'gone-too', port: dead.port }]);
    assert.ok(!both.ok);
    assert.match(both.reason, /no other backend to retry on/);
  });
});
