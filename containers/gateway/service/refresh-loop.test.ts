import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Client } from 'node-zookeeper-client';
import type { ConnectionState } from './connection-states';
import { READ_AGAIN, RefreshLoop } from './refresh-loop';
import type { SessionView } from './refresh-loop';

class FakeSession implements SessionView {
  client: Client | null = null;
  connected = false;
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  become(state: ConnectionState, client: Client | null = this.client): void {
    this.client = client;
    this.connected = state === 'CONNECTED' || state === 'RECONNECTED';
    for (const listener of [...this.listeners]) listener(state);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

const fakeClient = (name: string): Client => ({ name }) as unknown as Client;
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RefreshLoop', () => {
  it('reads on CONNECTED and publishes the snapshot', async () => {
    const session = new FakeSession();
    const published: string[] = [];
    const loop = new RefreshLoop<string>('test', session, async () => 'table-1', (snapshot) => published.push(snapshot));
    loop.start();
    session.become('CONNECTED', fakeClient('a'));
    await settle();
    assert.deepEqual(published, ['table-1']);
  });

  it('runs one more read when a change arrives during a read, and reads again on READ_AGAIN', async () => {
    const session = new FakeSession();
    session.become('CONNECTED', fakeClient('a'));
    let reads = 0;
    let release: () => void = () => undefined;
    const published: number[] = [];
    const loop = new RefreshLoop<number>(
      'test',
      session,
      async (_client, watcher) => {
        reads += 1;
        if (reads === 1) {
          await new Promise<void>((resolve) => (release = resolve));
          watcher({} as never);
          watcher({} as never);
        }
        if (reads === 2) return READ_AGAIN;
        return reads;
      },
      (snapshot) => published.push(snapshot),
    );
    loop.start();
    release();
    await settle();
    await settle();
    assert.equal(reads, 3);
    assert.deepEqual(published, [1, 3]);
  });

  it('leaves behind a read stuck on a client that was replaced after LOST', async () => {
    const session = new FakeSession();
    const old = fakeClient('old');
    const fresh = fakeClient('fresh');
    session.become('CONNECTED', old);
    const published: string[] = [];
    const loop = new RefreshLoop<string>(
      'test',
      session,
      (client) => (client === old ? new Promise<string>(() => undefined) : Promise.resolve('from fresh')),
      (snapshot) => published.push(snapshot),
    );
    loop.start();
    session.become('SUSPENDED');
    session.become('LOST', fresh);
    session.become('RECONNECTED');
    await settle();
    assert.deepEqual(published, ['from fresh']);
  });

  it('publishes nothing after close and removes its listener', async () => {
    const session = new FakeSession();
    const published: string[] = [];
    const loop = new RefreshLoop<string>('test', session, async () => 'late', (snapshot) => published.push(snapshot));
    loop.start();
    assert.equal(session.listenerCount, 1);
    session.become('CONNECTED', fakeClient('a'));
    loop.close();
    loop.close();
    await settle();
    assert.deepEqual(published, []);
    assert.equal(session.listenerCount, 0);
    assert.throws(() => loop.start(), /cannot be started: it is CLOSED/);
  });
});
