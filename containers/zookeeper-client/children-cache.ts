// Curator's PathChildrenCache: the children of one path and their data, re-read on every ZooKeeper watch
// notification, each read kept as a timed snapshot. The gateway routes by it (registrations, the Jetty
// leader latch); the harness observes the fleet through it.
//
// Why a snapshot carries times: ZooKeeper sends a watch notification as the server applies the change, and
// a session sees the notification before the changed data. So while the session stays connected, a snapshot
// is known current from its read until the next notification arrives: the state changed at the arrival time
// (give or take one delivery over the Docker bridge, well under a millisecond). A disconnection ends that
// guarantee; the snapshots of a connection share an `epoch`, and the next connection starts a new one.
//
// Reads run one at a time, and notifications that arrive during a read are answered by one more read. A read
// still running when its connection was lost is left behind (its answer is dropped) rather than waited for:
// the reconnection's read starts at once. A failed read publishes nothing, so the last snapshot stands.
import { performance } from 'node:perf_hooks';
import { Event } from 'node-zookeeper-client';
import type { ConnectionState } from './connection-states';
import { readChildren } from './read-children';
import type { ChildrenRead } from './read-children';
import type { ZooKeeperSession } from './zookeeper-session';

export interface ChildrenSnapshot extends ChildrenRead {
  readonly path: string;
  /** Connection this snapshot was read on; watched without a gap since the epoch's first read. */
  readonly epoch: number;
  /** Arrival of the notification this read answers; null for the first read of a connection. */
  readonly changedAtMs: number | null;
  readonly readStartMs: number;
  readonly readEndMs: number;
}

export type CacheState = 'LATENT' | 'CONNECTING' | 'WATCHING' | 'CLOSED';

/** What the cache needs of its session (ZooKeeperSession has it); several caches may share one. */
export type WatchSession = Pick<ZooKeeperSession, 'connected' | 'onStateChange' | 'getChildren' | 'getData' | 'follow' | 'describe'>;

const HISTORY = 64;
/** A failed read is tried again after 50 ms, then after twice as long each time, up to a second. */
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 1000;

// The harness's clock (containers/shared/deadline's `now`), so that snapshot times compare with its own.
const now = (): number => performance.now();

export class ChildrenCache {
  private stopListening: (() => void) | null = null;
  private cacheState: CacheState = 'LATENT';
  private epoch = 0;
  /** When each finished epoch ended (its connection was lost): until then its last snapshot was current. */
  private readonly epochEnds = new Map<number, number>();
  private readonly history: ChildrenSnapshot[] = [];
  private readonly listeners = new Set<(s: ChildrenSnapshot) => void>();
  private readonly lostListeners = new Set<(epoch: number, atMs: number) => void>();
  private readonly problemListeners = new Set<(error: unknown) => void>();
  /** The epoch whose read loop runs; a loop of an earlier epoch may still be waiting for its answer. */
  private readingEpoch: number | null = null;
  /** A read owed: undefined none, null for a (re)connection, else the earliest unanswered notification. */
  private owed: number | null | undefined;
  private retryMs = FIRST_RETRY_MS;
  private lastProblem = '';
  // One watcher function for the cache's lifetime: the client keeps at most one registration per function.
  // A child's deletion also changes the children, and that notification brings the read: its own is ignored.
  private readonly watcher = (event: Event): void => {
    if (event.getType() === Event.NODE_DELETED && event.getPath() !== this.path) return;
    this.readSoon(now());
  };

  constructor(readonly path: string, private readonly session: WatchSession) {}

  start(): void {
    if (this.cacheState !== 'LATENT') return;
    this.cacheState = 'CONNECTING';
    this.stopListening = this.session.onStateChange((state) => this.onState(state));
    if (this.session.connected) this.onState('CONNECTED');
  }

  /** Stops watching; the session is its owner's to close. */
  close(): void {
    if (this.cacheState === 'CLOSED') return;
    this.cacheState = 'CLOSED';
    this.stopListening?.();
    this.listeners.clear();
    this.lostListeners.clear();
    this.problemListeners.clear();
  }

  state(): CacheState {
    return this.cacheState;
  }

  /** Lets the session follow the members to new host ports (a session that expired is replaced by itself). */
  follow(): void {
    if (this.cacheState !== 'CLOSED') this.session.follow();
  }

  /** Snapshots oldest first (the last ones only). */
  snapshots(): readonly ChildrenSnapshot[] {
    return this.history;
  }

  /** When the connection of `epoch` was lost (its last snapshot was current until then); null while it lasts. */
  epochEndedAt(epoch: number): number | null {
    return this.epochEnds.get(epoch) ?? null;
  }

  subscribe(listener: (s: ChildrenSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the watch's connection is lost: its last snapshot is vouched for only until then. */
  onLost(listener: (epoch: number, atMs: number) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Called with the error of every failed read (it is tried again, or read afresh on reconnection). */
  onProblem(listener: (error: unknown) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  describe(): string {
    const last = this.history[this.history.length - 1];
    const problem = this.lastProblem ? `; last problem: ${this.lastProblem}` : '';
    const read = last ? `${last.children.size} children at last read` : 'nothing read yet';
    return `watch on ${this.path} ${this.cacheState.toLowerCase()} (epoch ${this.epoch}, ${read}${problem}; ${this.session.describe()})`;
  }

  private onState(state: ConnectionState): void {
    if (this.cacheState === 'CLOSED') return;
    if (state === 'CONNECTED' || state === 'RECONNECTED') {
      this.cacheState = 'WATCHING';
      this.retryMs = FIRST_RETRY_MS;
      this.readSoon(null);
      return;
    }
    this.lastProblem = `session ${state.toLowerCase()}`;
    if (this.cacheState === 'WATCHING') this.endEpoch();
    this.cacheState = 'CONNECTING';
  }

  private endEpoch(): void {
    const at = now();
    this.epochEnds.set(this.epoch, at);
    for (const listener of [...this.lostListeners]) listener(this.epoch, at);
    this.epoch += 1;
  }

  private readSoon(changedAtMs: number | null): void {
    // Owed reads merge: a (re)connection read makes no claim about when things changed; notifications keep the earliest.
    this.owed = this.owed === undefined ? changedAtMs : this.owed === null || changedAtMs === null ? null : Math.min(this.owed, changedAtMs);
    if (this.readingEpoch !== this.epoch) void this.readOwed(this.epoch);
  }

  private async readOwed(epoch: number): Promise<void> {
    this.readingEpoch = epoch;
    const current = () => epoch === this.epoch && this.cacheState === 'WATCHING';
    try {
      while (this.owed !== undefined && current()) {
        const changedAtMs = this.owed;
        this.owed = undefined;
        const readStartMs = now();
        try {
          const read = await readChildren(this.session, this.path, this.watcher);
          // A gap during the read: the reconnection's own read replaces this one.
          if (!current()) continue;
          this.retryMs = FIRST_RETRY_MS;
          this.publish({ path: this.path, ...read, epoch, changedAtMs, readStartMs, readEndMs: now() });
        } catch (error) {
          this.lastProblem = error instanceof Error ? error.message : String(error);
          for (const listener of [...this.problemListeners]) listener(error);
          // Connection trouble ends in a state change and a fresh read; anything else is tried again shortly.
          if (this.owed === undefined && current()) this.owed = changedAtMs;
          await new Promise((resolve) => setTimeout(resolve, this.retryMs));
          this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        }
      }
    } finally {
      if (this.readingEpoch === epoch) this.readingEpoch = null;
    }
  }

  private publish(snapshot: ChildrenSnapshot): void {
    this.history.push(snapshot);
    if (this.history.length > HISTORY) this.history.shift();
    for (const epoch of this.epochEnds.keys()) if (epoch < (this.history[0]?.epoch ?? 0)) this.epochEnds.delete(epoch);
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}
