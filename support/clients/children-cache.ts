// Curator's PathChildrenCache, for observing: the children of one path and their data, re-read on every
// ZooKeeper watch notification by one long-lived session of its own, each read kept as a timed snapshot.
//
// Why a snapshot carries times: ZooKeeper sends a watch notification as the server applies the change, and
// a session sees the notification before the changed data. So while the session stays connected, a snapshot
// is known current from its read until the next notification arrives: the state changed at the arrival time
// (give or take one delivery over the Docker bridge, well under a millisecond). A disconnection ends that
// guarantee; the snapshots of a connection share an `epoch`, and the next connection starts a new one.
import { ZooKeeperSession } from './zookeeper-session';
import { now } from '../../containers/shared/deadline';

export interface ChildrenSnapshot {
  readonly path: string;
  /** child name → data; a child removed between the two reads is left out (its notification follows). */
  readonly children: ReadonlyMap<string, Buffer>;
  /** child name → the session that owns it (16 hex digits; all zeros for a persistent znode). */
  readonly owners: ReadonlyMap<string, string>;
  /** Connection this snapshot was read on; watched without a gap since the epoch's first read. */
  readonly epoch: number;
  /** Arrival of the notification this read answers; null for the first read of a connection. */
  readonly changedAtMs: number | null;
  readonly readStartMs: number;
  readonly readEndMs: number;
}

export type CacheState = 'LATENT' | 'CONNECTING' | 'WATCHING' | 'CLOSED';

const HISTORY = 64;
const RETRY_MS = 50;

export class ChildrenCache {
  private session: ZooKeeperSession | null = null;
  private stopListening: (() => void) | null = null;
  private cacheState: CacheState = 'LATENT';
  private epoch = 0;
  /** When each finished epoch ended (its connection was lost): until then its last snapshot was current. */
  private readonly epochEnds = new Map<number, number>();
  private readonly history: ChildrenSnapshot[] = [];
  private readonly listeners = new Set<(s: ChildrenSnapshot) => void>();
  private readonly lostListeners = new Set<(epoch: number, atMs: number) => void>();
  private reading = false;
  /** A read owed: undefined none, null for a (re)connection, else the earliest unanswered notification. */
  private owed: number | null | undefined;
  private lastProblem = '';
  // One watcher function for the cache's lifetime: the client keeps at most one registration per function.
  private readonly watcher = () => this.readSoon(now());

  constructor(readonly path: string, private readonly connectString: () => string, private readonly sessionTimeoutMs = 4000) {}

  start(): void {
    if (this.cacheState !== 'LATENT') return;
    this.open();
  }

  close(): void {
    if (this.cacheState === 'CLOSED') return;
    this.cacheState = 'CLOSED';
    this.stopListening?.();
    this.session?.close();
    this.session = null;
    this.listeners.clear();
    this.lostListeners.clear();
  }

  state(): CacheState {
    return this.cacheState;
  }

  /** Replaces a session that expired, or that cannot connect while the members' host ports have changed. */
  follow(): void {
    if (this.cacheState === 'CLOSED' || this.cacheState === 'LATENT' || !this.session) return;
    const moved = this.session.connectString !== this.connectString() && this.cacheState !== 'WATCHING';
    if (this.session.isExpired() || moved) this.reopen(this.session.isExpired() ? 'session expired' : 'member ports changed');
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

  describe(): string {
    const last = this.history[this.history.length - 1];
    const problem = this.lastProblem ? `; last problem: ${this.lastProblem}` : '';
    return `watch on ${this.path} ${this.cacheState.toLowerCase()} (epoch ${this.epoch}, ${last ? `${last.children.size} children at last read` : 'nothing read yet'}${problem})`;
  }

  private open(): void {
    this.cacheState = 'CONNECTING';
    const session = new ZooKeeperSession(this.connectString(), { sessionTimeoutMs: this.sessionTimeoutMs, opTimeoutMs: 2000 });
    this.session = session;
    this.stopListening = session.onState((state) => this.onState(session, state));
  }

  private reopen(why: string): void {
    this.lastProblem = why;
    this.endEpoch();
    this.stopListening?.();
    this.session?.close();
    this.open();
  }

  private onState(session: ZooKeeperSession, state: string): void {
    if (session !== this.session || this.cacheState === 'CLOSED') return;
    if (state === 'SYNC_CONNECTED' || state === 'CONNECTED_READ_ONLY') {
      this.cacheState = 'WATCHING';
      this.readSoon(null);
    } else {
      this.lastProblem = `session ${state.toLowerCase()}`;
      this.cacheState = 'CONNECTING';
      this.endEpoch();
      if (state === 'EXPIRED') this.reopen('session expired');
    }
  }

  private endEpoch(): void {
    if (!this.epochEnds.has(this.epoch)) {
      const at = now();
      this.epochEnds.set(this.epoch, at);
      for (const listener of [...this.lostListeners]) listener(this.epoch, at);
    }
    this.epoch += 1;
  }

  private readSoon(changedAtMs: number | null): void {
    // Owed reads merge: a (re)connection read makes no claim about when things changed; notifications keep the earliest.
    this.owed = this.owed === undefined ? changedAtMs : this.owed === null || changedAtMs === null ? null : Math.min(this.owed, changedAtMs);
    if (!this.reading) void this.readOwed();
  }

  private async readOwed(): Promise<void> {
    this.reading = true;
    try {
      while (this.owed !== undefined && this.cacheState === 'WATCHING' && this.session) {
        const changedAtMs = this.owed;
        this.owed = undefined;
        const epoch = this.epoch;
        const session = this.session;
        const readStartMs = now();
        try {
          const names = await session.getChildren(this.path, this.watcher);
          const read = await Promise.all(names.map(async (name) => [name, await session.getData(`${this.path}/${name}`)] as const));
          // A gap during the read: the reconnection's own read replaces this one.
          if (epoch !== this.epoch || session !== this.session) continue;
          const present = read.filter(([, node]) => node?.data);
          const children = new Map(present.map(([name, node]) => [name, node!.data!] as const));
          const owners = new Map(present.map(([name, node]) => [name, ownerOf(node!.stat)] as const));
          this.publish({ path: this.path, children, owners, epoch, changedAtMs, readStartMs, readEndMs: now() });
        } catch (e) {
          this.lastProblem = (e as Error).message;
          // Connection trouble ends in a state change and a fresh read; anything else is retried shortly.
          if (this.owed === undefined && this.cacheState === 'WATCHING') this.owed = changedAtMs;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    } finally {
      this.reading = false;
    }
  }

  private publish(snapshot: ChildrenSnapshot): void {
    this.history.push(snapshot);
    if (this.history.length > HISTORY) this.history.shift();
    for (const epoch of this.epochEnds.keys()) if (epoch < (this.history[0]?.epoch ?? 0)) this.epochEnds.delete(epoch);
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}

/** A znode's ephemeral owner as 16 hex digits, the way ZooKeeper's Java client prints a session id. */
export function ownerOf(stat: { ephemeralOwner?: unknown } | undefined): string {
  const raw = stat?.ephemeralOwner;
  if (Buffer.isBuffer(raw)) return raw.toString('hex').padStart(16, '0');
  if (typeof raw === 'number' || typeof raw === 'bigint') return BigInt(raw).toString(16).padStart(16, '0');
  return '0'.repeat(16);
}
