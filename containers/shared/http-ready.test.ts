import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpReady } from './http-ready';

async function serve(statusAt: (askedMs: number) => number): Promise<{ port: number; close: () => void; asked: () => number }> {
  const started = performance.now();
  let asked = 0;
  const server = createServer((_, res) => { asked++; res.statusCode = statusAt(performance.now() - started); res.end('{}'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close(), asked: () => asked };
}

const bound = (port: number) => ({ getBinding: () => port });

test('ready within 50 ms of the first 200, not at the next whole second', async () => {
  const s = await serve((ms) => (ms < 300 ? 503 : 200));
  try {
    const from = performance.now();
    await new HttpReady('/health', 8080, async () => 'running').waitUntilReady({ id: 'c1' }, bound(s.port));
    const took = performance.now() - from;
    assert.ok(took >= 300 && took < 500, `ready after ${took} ms`);
    assert.ok(s.asked() >= 5, `asked ${s.asked()} times`);
  } finally {
    s.close();
  }
});

test('a container that stopped fails at once, naming its state, instead of at the startup timeout', async () => {
  const s = await serve(() => 503);
  try {
    const from = performance.now();
    await assert.rejects(new HttpReady('/health', 8080, async () => 'exited').withStartupTimeout(30_000).waitUntilReady({ id: 'c1' }, bound(s.port)), /never answered 200: the container is exited/);
    assert.ok(performance.now() - from < 1000);
  } finally {
    s.close();
  }
});

test('a path that never answers 200 fails at the startup timeout, saying what it last got', async () => {
  const s = await serve(() => 503);
  try {
    await assert.rejects(new HttpReady('/health', 8080, async () => 'running').withStartupTimeout(300).waitUntilReady({ id: 'c1' }, bound(s.port)), /HTTP 503/);
  } finally {
    s.close();
  }
});
