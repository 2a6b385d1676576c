// The harness's own ZooKeeper client: node-zookeeper-client's callbacks as promises, each operation bounded
// in time, with the operator's digest identity when given. One session per connect string; `close()` is idempotent.
import { createHash } from 'node:crypto';
import * as zookeeper from 'node-zookeeper-client';
import { guardZooKeeperClient } from '../../containers/gateway/service/zookeeper-client-guard';

// node-zookeeper-client 1.1.3 throws from its socket handler when a session is closed while connecting, reads
// a dead socket's bytes as the next one's and has no read timeout; the guard (shared with the gateway) repairs
// all three. Its counts go into run.json.
guardZooKeeperClient();

export const OPERATOR_USER = 'operator';

export interface OperatorCredentials { readonly user: string; readonly password: string }

/** ZooKeeper's digest form of `user:password`: base64(sha1(...)). */
export function digestOf(c: OperatorCredentials): string {
  return `${c.user}:${createHash('sha1').update(`${c.user}:${c.password}`).digest('base64')}`;
}

/** Anyone may read; only the operator may write, create, delete or change ACLs. */
export function operatorAcl(c: OperatorCredentials): zookeeper.ACL[] {
  return [
    new zookeeper.ACL(zookeeper.Permission.READ, new zookeeper.Id('world', 'anyone')),
    new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('digest', digestOf(c))),
  ];
}

export class ZooKeeperSession {
  private readonly client: zookeeper.Client;
  private closed = false;
  private expired = false;
  private connected: Promise<void>;
  private readonly stateListeners = new Set<(state: string) => void>();

  constructor(readonly connectString: string, private readonly opts: { sessionTimeoutMs?: number; credentials?: OperatorCredentials; opTimeoutMs?: number } = {}) {
    this.client = zookeeper.createClient(connectString, { sessionTimeout: opts.sessionTimeoutMs ?? 8000, spinDelay: 100, retries: 0 });
    if (opts.credentials) (this.client as unknown as { addAuthInfo(scheme: string, auth: Buffer): void }).addAuthInfo('digest', Buffer.from(`${opts.credentials.user}:${opts.credentials.password}`));
    this.connected = new Promise((resolve) => this.client.once('connected', () => resolve()));
    // node-zookeeper-client does not start a new session after expiry: the owner must replace this one.
    this.client.on('state', (state: zookeeper.State) => {
      if (state === zookeeper.State.EXPIRED) this.expired = true;
      for (const listener of this.stateListeners) listener(state.name);
    });
    this.client.connect();
  }

  /** True once the server expired this session; every later operation would hang. */
  isExpired(): boolean {
    return this.expired;
  }

  get opTimeoutMs(): number {
    return this.opts.opTimeoutMs ?? 2000;
  }

  state(): string {
    return this.client.getState().name;
  }

  sessionId(): string {
    return this.client.getSessionId().toString('hex');
  }

  private bounded<T>(what: string, run: (done: (e: unknown, v?: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`ZooKeeper ${what} got no answer within ${this.opTimeoutMs} ms`)), this.opTimeoutMs);
      this.connected.then(() => run((e, v) => {
        clearTimeout(timer);
        if (e) reject(e instanceof Error ? e : new Error(String(e))); else resolve(v as T);
      }));
    });
  }

  waitConnected(): Promise<void> {
    return this.bounded('connect', (done) => done(null));
  }

  exists(path: string): Promise<zookeeper.Stat | null> {
    return this.bounded(`exists ${path}`, (done) => this.client.exists(path, (e: unknown, stat: zookeeper.Stat) => done(e, stat ?? null)));
  }

  getData(path: string): Promise<{ data: Buffer | null; stat: zookeeper.Stat } | null> {
    return this.bounded(`getData ${path}`, (done) => this.client.getData(path, (e: unknown, data: Buffer, stat: zookeeper.Stat) => {
      if (codeOf(e) === zookeeper.Exception.NO_NODE) return done(null, null);
      done(e, { data, stat });
    }));
  }

  /**
   * The children ([] for a missing path). With a `watcher`, leaves a one-shot watch that calls it at the next
   * change; for a missing path, at its creation.
   */
  async getChildren(path: string, watcher?: (event: zookeeper.Event) => void): Promise<string[]> {
    const children = await this.bounded<string[] | null>(`getChildren ${path}`, (done) => this.client.getChildren(path, watcher as (event: zookeeper.Event) => void, (e: unknown, c: string[]) => {
      if (codeOf(e) === zookeeper.Exception.NO_NODE) return done(null, null);
      done(e, c);
    }));
    if (children !== null || !watcher) return children ?? [];
    const appeared = await this.bounded<boolean>(`exists ${path}`, (done) => this.client.exists(path, watcher, (e: unknown, stat: zookeeper.Stat) => done(e, !!stat)));
    return appeared ? this.getChildren(path, watcher) : [];
  }

  /** Raw state names (SYNC_CONNECTED, DISCONNECTED, EXPIRED, ...) as the client reports them. */
  onState(listener: (state: string) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  create(path: string, data: Buffer, acl?: zookeeper.ACL[], mode = zookeeper.CreateMode.PERSISTENT): Promise<string> {
    return this.bounded(`create ${path}`, (done) => this.client.create(path, data, acl ?? OPEN_ACL, mode, (e: unknown, p: string) => done(e, p)));
  }

  setData(path: string, data: Buffer, version = -1): Promise<zookeeper.Stat> {
    return this.bounded(`setData ${path}`, (done) => this.client.setData(path, data, version, (e: unknown, stat: zookeeper.Stat) => done(e, stat)));
  }

  remove(path: string): Promise<void> {
    return this.bounded(`remove ${path}`, (done) => this.client.remove(path, -1, (e: unknown) => {
      if (codeOf(e) === zookeeper.Exception.NO_NODE) return done(null);
      done(e);
    }));
  }

  /** Creates each missing parent as a persistent, open znode. */
  async ensurePath(path: string): Promise<void> {
    let current = '';
    for (const part of path.split('/').filter(Boolean)) {
      current += `/${part}`;
      if (await this.exists(current)) continue;
      await this.create(current, Buffer.alloc(0)).catch((e: unknown) => {
        if (codeOf(e) !== zookeeper.Exception.NODE_EXISTS) throw e;
      });
    }
  }

  /** The subtree with data, for diagnostics. */
  async dump(path: string, depth = 0): Promise<string> {
    const node = await this.getData(path);
    if (!node) return '';
    const data = node.data?.length ? ` = ${node.data.toString('utf8').slice(0, 400)}` : '';
    const lines = [`${'  '.repeat(depth)}${path}${data}`];
    for (const child of (await this.getChildren(path)).sort()) {
      lines.push(await this.dump(path === '/' ? `/${child}` : `${path}/${child}`, depth + 1));
    }
    return lines.filter(Boolean).join('\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stateListeners.clear();
    this.client.close();
  }
}

export function codeOf(e: unknown): number | undefined {
  return (e as { getCode?: () => number } | null)?.getCode?.();
}

export function isNoAuth(e: unknown): boolean {
  return codeOf(e) === (zookeeper.Exception as unknown as { NO_AUTH: number }).NO_AUTH;
}

const OPEN_ACL = [new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('world', 'anyone'))];

/** One write through a fresh session on `connectString`, bounded; a refusal or silence counts as failure. */
export async function tryWrite(connectString: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const session = new ZooKeeperSession(connectString, { opTimeoutMs: timeoutMs, sessionTimeoutMs: 4000 });
  try {
    await session.ensurePath('/zkharness');
    const payload = Buffer.from(String(Date.now()));
    const stat = await session.exists('/zkharness/probe');
    if (stat) await session.setData('/zkharness/probe', payload);
    else await session.create('/zkharness/probe', payload).catch(() => session.setData('/zkharness/probe', payload));
    return { ok: true, detail: `write accepted via ${connectString}` };
  } catch (e) {
    return { ok: false, detail: `write via ${connectString} failed: ${(e as Error).message}` };
  } finally {
    session.close();
  }
}
