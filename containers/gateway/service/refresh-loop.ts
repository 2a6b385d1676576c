import type { Client, Watcher } from 'node-zookeeper-client';
import { Lifecycle } from './lifecycle';
import { log } from './log';
import type { ConnectionState } from './connection-states';
import { isConnectionProblem } from './zk-ops';

/** Answer of a read that raced with a change and must run again. */
export const READ_AGAIN = Symbol('READ_AGAIN');

export type Reader<T> = (client: Client, watcher: Watcher) => Promise<T | typeof READ_AGAIN>;

const RETRY_AFTER_ERROR_MS = 1000;

/** What a recipe needs of the session (ZooKeeperSession has it). */
export interface SessionView {
  readonly client: Client | null;
  readonly connected: boolean;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}

/**
 * The watch loop the recipes share: read everything on (RE)CONNECTED and on every watch event,
 * one read at a time (a change seen during a read runs one more read), and publish a whole
 * snapshot only when a read completed on the current session. A failed read publishes nothing,
 * so the last snapshot stands until ZooKeeper answers again.
 */
export class RefreshLoop<T> {
  private readonly lifecycle: Lifecycle;
  private removeStateListener: (() => void) | null = null;
  private inFlight: { readonly client: Client } | null = null;
  private dirty = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly onWatchEvent: Watcher = () => this.request();

  constructor(
    private readonly name: string,
    private readonly session: SessionView,
    private readonly read: Reader<T>,
    private readonly publish: (snapshot: T) => void,
  ) {
    this.lifecycle = new Lifecycle(name);
  }

  start(): void {
    this.lifecycle.start();
    this.removeStateListener = this.session.onStateChange((state) => {
      if (state === 'CONNECTED' || state === 'RECONNECTED') this.request();
    });
    if (this.session.connected) this.request();
  }

  close(): void {
    if (!this.lifecycle.close()) return;
    this.removeStateListener?.();
    this.removeStateListener = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private request(): void {
    if (!this.lifecycle.started) return;
    const client = this.session.client;
    if (client === null || !this.session.connected) return;
    // A read on the same client always ends (its requests fail or complete when the connection
    // comes back); a read on a client that was replaced after LOST may never end: leave it behind.
    if (this.inFlight !== null && this.inFlight.client === client) {
      this.dirty = true;
      return;
    }
    const read = { client };
    this.inFlight = read;
    this.dirty = false;
    this.read(client, this.onWatchEvent)
      .then((snapshot) => {
        if (this.inFlight !== read) return;
        if (snapshot === READ_AGAIN) this.dirty = true;
        else if (this.lifecycle.started && client === this.session.client) this.publish(snapshot);
      })
      .catch((error: unknown) => {
        if (this.inFlight !== read || isConnectionProblem(error)) return;
        log(this.name, `read failed, trying again in ${RETRY_AFTER_ERROR_MS} ms: ${String(error)}`);
        this.scheduleRetry();
      })
      .finally(() => {
        if (this.inFlight !== read) return;
        this.inFlight = null;
        if (this.dirty) this.request();
      });
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || !this.lifecycle.started) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.request();
    }, RETRY_AFTER_ERROR_MS);
    this.retryTimer.unref();
  }
}
