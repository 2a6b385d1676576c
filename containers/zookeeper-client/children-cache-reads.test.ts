// The watch recipe's read loop against a session whose answers the test hands out: when it reads, what it
// publishes, and what it leaves behind (the gateway's former RefreshLoop cases, on the one recipe).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Event } from 'node-zookeeper-client';
import { ChildrenCache } from './children-cache';
import type { ChildrenSnapshot, WatchSession } from './children-cache';
import type { ConnectionState } from './connection-states';
import type { Watcher } from './zookeeper-session';

/** A session whose getChildren answers are handed out by the test, one read at a time. */
class FakeSession implements WatchSession {
  connected = false;
  reads = 0;
  watcher: Watcher | undefined;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly pending: ((children: string[]) => void)[] = [];

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  become(state: ConnectionState): void {
    this.connected = state === 'CONNECTED' || state === 'RECONNECTED';
    for (const listener of [...this.listeners]) listener(state);
  }

  getChildren(_path: string, watcher?: Watcher): Promise<string[] | null> {
    this.reads += 1;
    this.watcher = watcher;
    return new Promise((resolve) => this.pending.push(resolve));
  }

  async getData(path: string): Promise<{ data: Buffer | null; stat: never } | null> {
    return { data: Buffer.from(path), stat: undefined as never };
  }

  /** Answers the oldest read still waiting. */
  answer(...children: string[]): void {
    this.pending.shift()?.(children);
  }

  notify(type = Event.NODE_CHILDREN_CHANGED, path = '/p'): void {
    this.watcher?.({ getType: () => type, getPath: () => path } as Event);
  }

  follow(): void {}

  describe(): string {
    return 'fake session';
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function started(session: FakeSession): { cache: ChildrenCache; published: ChildrenSnapshot[] } {
  const cache = new ChildrenCache('/p', session);
  const published: ChildrenSnapshot[] = [];
  cache.subscribe((s) => published.push(s));
  cache.start();
  return { cache, published };
}

const names = (published: ChildrenSnapshot[]) => published.map((s) => [...s.children.keys()].join(','));

describe('ChildrenCache reads', () => {
  it('reads on CONNECTED and publishes the snapshot', async () => {
    const session = new FakeSession();
    const { published } = started(session);
    session.become('CONNECTED');
    session.answer('a');
    await settle();
    assert.deepEqual(names(published), ['a']);
  });

  it('runs one more read for every notification that arrived during a read, however many', async () => {
    const session = new FakeSession();
    const { published } = started(session);
    session.become('CONNECTED');
    session.notify();
    session.notify();
    assert.equal(session.reads, 1);
    session.answer('a');
    await settle();
    assert.equal(session.reads, 2);
    session.answer('a', 'b');
    await settle();
    assert.equal(session.reads, 2);
    assert.deepEqual(names(published), ['a', 'a,b']);
  });

  it('leaves behind a read of a lost connection: the reconnection reads at once, the old answer is dropped', async () => {
    const session = new FakeSession();
    const { published } = started(session);
    session.become('CONNECTED');
    session.become('SUSPENDED');
    session.become('RECONNECTED');
    assert.equal(session.reads, 2);
    session.answer('stale');
    session.answer('fresh');
    await settle();
    assert.deepEqual(names(published), ['fresh']);
    assert.equal(published[0]?.epoch, 1);
  });

  it('ignores the deletion notice of a child, not that of its own path', async () => {
    const session = new FakeSession();
    started(session);
    session.become('CONNECTED');
    session.answer('a');
    await settle();
    session.notify(Event.NODE_DELETED, '/p/a');
    assert.equal(session.reads, 1);
    session.notify(Event.NODE_DELETED, '/p');
    assert.equal(session.reads, 2);
  });

  it('publishes nothing after close and removes its listener', async () => {
    const session = new FakeSession();
    const { cache, published } = started(session);
    assert.equal(session.listenerCount, 1);
    session.become('CONNECTED');
    cache.close();
    cache.close();
    session.answer('late');
    await settle();
    assert.deepEqual(published, []);
    assert.equal(session.listenerCount, 0);
    assert.equal(cache.state(), 'CLOSED');
  });
});
