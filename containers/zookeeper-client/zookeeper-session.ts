// One ZooKeeper session, as the gateway and the harness use it: node-zookeeper-client (with its repairs)
// behind promises, every operation bounded in time, the connection named in Curator's states, and a new
// client whenever the session is lost. `close()` is idempotent.
//
// Why a new client after LOST: node-zookeeper-client never starts a new session after expiry, and every
// later operation on the expired one would hang. Like Curator, a connection SUSPENDED for a whole session
// timeout counts as LOST: ZooKeeper has expired the session by then, or will say so as soon as it is reached.
// The cost is that of any new session: its watches must be set again (the watch recipe re-reads on
// RECONNECTED) and its ephemeral znodes are gone (neither user of this class owns any).
import * as zookeeper from 'node-zookeeper-client';
import type { Client, Stat } from 'node-zookeeper-client';
import { ConnectionStateTranslator, isConnected, toRawState } from './connection-states';
import type { ConnectionState, RawState } from './connection-states';
import { OPEN_ACL } from './digest-acl';
import type { OperatorCredentials } from './digest-acl';
import { isNoNode, isNodeExists } from './zookeeper-errors';
import { guardZooKeeperClient } from './zookeeper-client-guard';
import { syncZnode } from './zookeeper-sync';

// node-zookeeper-client 1.1.3 throws from its socket handler when a session is closed while connecting,
// reads a dead socket's bytes as the next one's and has no read timeout: the guard repairs all three.
guardZooKeeperClient();

export type Watcher = (event: zookeeper.Event) => void;

export interface SessionOptions {
  /** Asked of ZooKeeper, which may grant another; default 8 s. */
  readonly sessionTimeoutMs?: number;
  /** How long an operation may wait for a connection and its answer together; default 2 s. */
  readonly opTimeoutMs?: number;
  /**
   * How long an operation may wait for a connection before it fails as never sent; default the operation timeout.
   * A client that runs one operation at a time and paces itself (the register workload) sets it short: a session
   * a member cannot establish (it has lost its leader) would otherwise hold every operation for the whole timeout.
   */
  readonly connectWaitMs?: number;
  /** The digest identity every client of this session authenticates as. */
  readonly credentials?: OperatorCredentials;
  /** Narration of connections and state changes (the gateway logs it). */
  readonly log?: (message: string) => void;
}

const SPIN_DELAY_MS = 100;

/** An operation that timed out waiting for a connection: it was never handed to a client, so it surely did not happen. */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
}

type Done<T> = (error: unknown, value?: T) => void;

export class ZooKeeperSession {
  private readonly translator = new ConnectionStateTranslator();
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  /** Operations waiting for a connection: each is handed the client once connected, or null once closed. */
  private readonly waiting = new Set<(client: Client | null) => void>();
  private readonly target: () => string;
  private readonly sessionTimeoutMs: number;
  private readonly opTimeoutMs: number;
  private readonly connectWaitMs: number;
  private client: Client;
  private clientConnectString = '';
  private suspendedTimer: NodeJS.Timeout | null = null;
  private clients = 0;
  private renewedBecause: string | null = null;
  private closed = false;

  /** Connects at once; a function as connect string is asked again for every new client (see `follow`). */
  constructor(connectString: string | (() => string), private readonly options: SessionOptions = {}) {
    this.target = typeof connectString === 'string' ? () => connectString : connectString;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 8000;
    this.opTimeoutMs = options.opTimeoutMs ?? 2000;
    this.connectWaitMs = Math.min(options.connectWaitMs ?? this.opTimeoutMs, this.opTimeoutMs);
    this.client = this.openClient();
  }

  /** The connect string of the current client. */
  get connectString(): string {
    return this.clientConnectString;
  }

  /** Curator's name for the connection; null before the first one. */
  get state(): ConnectionState | null {
    return this.translator.state;
  }

  get connected(): boolean {
    return !this.closed && isConnected(this.translator.state);
  }

  /** Adds a listener for Curator-named state changes; answers the function that removes it. */
  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Replaces a client that is not connected when the connect string has changed: a restarted ZooKeeper
   * member has new host ports, and a client would otherwise keep trying the old ones.
   */
  follow(): void {
    if (this.closed || this.connected || this.target() === this.clientConnectString) return;
    this.renew('the connect string changed');
  }

  describe(): string {
    const state = this.closed ? 'closed' : (this.state ?? 'connecting').toLowerCase();
    const renewed = this.renewedBecause === null ? '' : `, new session after ${this.renewedBecause}`;
    return `session ${this.clients} via ${this.clientConnectString} ${state}${renewed}`;
  }

  exists(path: string, watcher?: Watcher): Promise<Stat | null> {
    return this.bounded(`exists ${path}`, (client, done) => client.exists(path, watcher as Watcher, (error, stat) => done(error, stat ?? null)));
  }

  /** The znode's data and stat; null when there is no such znode. With a `watcher`, its next change calls it. */
  getData(path: string, watcher?: Watcher): Promise<{ data: Buffer | null; stat: Stat } | null> {
    return this.bounded(`getData ${path}`, (client, done) =>
      client.getData(path, watcher as Watcher, (error, data, stat) => (isNoNode(error) ? done(null, null) : done(error, { data, stat }))),
    );
  }

  /**
   * The children; null when there is no such znode. With a `watcher`, leaves a one-shot watch that calls it at
   * the next change; for a missing znode, at its creation.
   */
  async getChildren(path: string, watcher?: Watcher): Promise<string[] | null> {
    const children = await this.bounded<string[] | null>(`getChildren ${path}`, (client, done) =>
      client.getChildren(path, watcher as Watcher, (error, names) => (isNoNode(error) ? done(null, null) : done(error, names))),
    );
    if (children !== null || watcher === undefined) return children;
    // Created between the two requests: its creation was not watched, so read it after all.
    return (await this.exists(path, watcher)) ? this.getChildren(path, watcher) : null;
  }

  create(path: string, data: Buffer, acl: readonly zookeeper.ACL[] = OPEN_ACL, mode = zookeeper.CreateMode.PERSISTENT): Promise<string> {
    return this.bounded(`create ${path}`, (client, done) => client.create(path, data, [...acl], mode, (error, created) => done(error, created)));
  }

  setData(path: string, data: Buffer, version = -1): Promise<Stat> {
    return this.bounded(`setData ${path}`, (client, done) => client.setData(path, data, version, (error, stat) => done(error, stat)));
  }

  /**
   * Lets the member this session is connected to catch up with the leader: a read after it, on this session,
   * sees every write committed before the sync reached the leader.
   */
  sync(path = '/'): Promise<void> {
    return this.bounded(`sync ${path}`, (client, done) => syncZnode(client, path, (error) => done(error)));
  }

  /** Deletes the znode; one that is not there counts as deleted. */
  remove(path: string): Promise<void> {
    return this.bounded(`remove ${path}`, (client, done) => client.remove(path, -1, (error) => done(isNoNode(error) ? null : error)));
  }

  /** Creates each missing znode of `path` as a persistent, open one. */
  async ensurePath(path: string): Promise<void> {
    let current = '';
    for (const part of path.split('/').filter(Boolean)) {
      current += `/${part}`;
      if (await this.exists(current)) continue;
      await this.create(current, Buffer.alloc(0)).catch((error: unknown) => {
        if (!isNodeExists(error)) throw error;
      });
    }
  }

  /** The subtree with data, for diagnostics. */
  async dump(path: string, depth = 0): Promise<string> {
    const node = await this.getData(path);
    if (!node) return '';
    const data = node.data?.length ? ` = ${node.data.toString('utf8').slice(0, 400)}` : '';
    const lines = [`${'  '.repeat(depth)}${path}${data}`];
    for (const child of ((await this.getChildren(path)) ?? []).sort()) {
      lines.push(await this.dump(path === '/' ? `/${child}` : `${path}/${child}`, depth + 1));
    }
    return lines.filter(Boolean).join('\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearSuspendedTimer();
    this.listeners.clear();
    this.closeClient();
    this.handOver(null);
  }

  /** Runs `run` on a connected client; fails unless it is answered within the operation timeout. */
  private bounded<T>(what: string, run: (client: Client, done: Done<T>) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let sent = false;
      const settle: Done<T> = (error, value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(connectTimer);
        this.waiting.delete(start);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(value as T);
      };
      const start = (client: Client | null): void => {
        if (client === null) settle(new Error(`ZooKeeper ${what}: the session was closed`));
        else if (!settled) {
          sent = true;
          run(client, settle);
        }
      };
      const notSent = (ms: number) => new NotSentError(`ZooKeeper ${what} got no connection within ${ms} ms, so it was never sent`);
      const timer = setTimeout(() => settle(sent ? new Error(`ZooKeeper ${what} got no answer within ${this.opTimeoutMs} ms`) : notSent(this.opTimeoutMs)), this.opTimeoutMs);
      // A second timer only for a shorter connect wait: every other client (observers poll every 50 ms) keeps one.
      const connectTimer = this.connectWaitMs < this.opTimeoutMs
        ? setTimeout(() => { if (!sent) settle(notSent(this.connectWaitMs)); }, this.connectWaitMs)
        : undefined;
      if (this.closed) start(null);
      else if (this.connected) start(this.client);
      else this.waiting.add(start);
    });
  }

  private handOver(client: Client | null): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const start of waiting) start(client);
  }

  private openClient(): Client {
    this.clients += 1;
    const connectString = this.target();
    const client = zookeeper.createClient(connectString, { sessionTimeout: this.sessionTimeoutMs, spinDelay: SPIN_DELAY_MS, retries: 0 });
    const credentials = this.options.credentials;
    if (credentials) client.addAuthInfo('digest', Buffer.from(`${credentials.user}:${credentials.password}`));
    client.on('state', (state: zookeeper.State) => {
      const raw = toRawState(state.name);
      if (client === this.client && !this.closed && raw !== null) this.onRawState(raw);
    });
    this.clientConnectString = connectString;
    this.options.log?.(`connecting to ${connectString} (session ${this.clients}, timeout ${this.sessionTimeoutMs} ms)`);
    client.connect();
    return client;
  }

  private closeClient(): void {
    try {
      this.client.close();
    } catch (error) {
      this.options.log?.(`closing the old client failed: ${String(error)}`);
    }
  }

  private onRawState(raw: RawState): void {
    if (raw === 'EXPIRED') this.renew('session expired');
    else if (raw === 'AUTH_FAILED') this.renew('authentication failed', raw);
    else this.changeTo(this.translator.translate(raw), `raw ${raw}`);
  }

  /** The session is gone (or given up): a new client starts a new one, and listeners hear LOST. */
  private renew(cause: string, raw: RawState = 'EXPIRED'): void {
    this.renewedBecause = cause;
    this.closeClient();
    this.client = this.openClient();
    this.changeTo(this.translator.translate(raw), cause);
  }

  private changeTo(next: ConnectionState | null, cause: string): void {
    if (next === null) return;
    this.options.log?.(`${next} (${cause})`);
    this.clearSuspendedTimer();
    if (next === 'SUSPENDED') this.armSuspendedTimer();
    if (isConnected(next)) this.handOver(this.client);
    for (const listener of [...this.listeners]) listener(next);
  }

  private armSuspendedTimer(): void {
    const timeoutMs = this.client.getSessionTimeout();
    this.suspendedTimer = setTimeout(() => {
      this.suspendedTimer = null;
      if (this.state === 'SUSPENDED') this.renew(`suspended for the session timeout of ${timeoutMs} ms`);
    }, timeoutMs);
    this.suspendedTimer.unref();
  }

  private clearSuspendedTimer(): void {
    if (this.suspendedTimer !== null) clearTimeout(this.suspendedTimer);
    this.suspendedTimer = null;
  }
}
