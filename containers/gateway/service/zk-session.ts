import { createClient } from 'node-zookeeper-client';
import type { Client, State } from 'node-zookeeper-client';
import { ConnectionStateTranslator, isConnected, toRawState } from './connection-states';
import type { ConnectionState, RawState } from './connection-states';
import { Lifecycle } from './lifecycle';
import { log } from './log';
import { guardZooKeeperClient } from './zookeeper-client-guard';

export type SessionListener = (state: ConnectionState) => void;

const SPIN_DELAY_MS = 250;

// The library's own connection handling needs repairs (a read timeout among them): see the guard.
guardZooKeeperClient((repair) => log('zookeeper', `client repair: ${repair.kind} (${repair.detail})`));

/**
 * Owns the ZooKeeper client: one client per session, a new one after LOST.
 * Like Curator, a connection that stays SUSPENDED for a whole session timeout is treated as LOST:
 * the gateway owns no ephemeral znodes, so a fresh session costs nothing but a re-read.
 */
export class ZooKeeperSession {
  private readonly lifecycle = new Lifecycle('ZooKeeperSession');
  private readonly translator = new ConnectionStateTranslator();
  private readonly listeners = new Set<SessionListener>();
  private current: Client | null = null;
  private suspendedTimer: NodeJS.Timeout | null = null;
  private sessions = 0;

  constructor(
    private readonly connectString: string,
    private readonly sessionTimeoutMs: number,
  ) {}

  get state(): ConnectionState | null {
    return this.translator.state;
  }

  get connected(): boolean {
    return isConnected(this.translator.state);
  }

  /** The client of the current session, or null before start and after close. */
  get client(): Client | null {
    return this.current;
  }

  /** Adds a listener for Curator-named state changes; answers the function that removes it. */
  onStateChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.lifecycle.start();
    this.openClient();
  }

  close(): void {
    if (!this.lifecycle.close()) return;
    this.clearSuspendedTimer();
    this.closeClient();
    this.listeners.clear();
  }

  private openClient(): void {
    this.sessions += 1;
    const client = createClient(this.connectString, {
      sessionTimeout: this.sessionTimeoutMs,
      spinDelay: SPIN_DELAY_MS,
      retries: 0,
    });
    client.on('state', (state: State) => {
      if (client !== this.current) return;
      const raw = toRawState(state.getName());
      if (raw !== null) this.onRawState(raw);
    });
    this.current = client;
    log('zookeeper', `connecting to ${this.connectString} (session ${this.sessions}, timeout ${this.sessionTimeoutMs} ms)`);
    client.connect();
  }

  private closeClient(): void {
    const client = this.current;
    this.current = null;
    if (client === null) return;
    try {
      client.close();
    } catch (error) {
      log('zookeeper', `closing the old client failed: ${String(error)}`);
    }
  }

  private onRawState(raw: RawState, cause = `raw ${raw}`): void {
    const next = this.translator.translate(raw);
    if (next === null) return;
    log('zookeeper', `${next} (${cause})`);
    this.clearSuspendedTimer();
    if (next === 'SUSPENDED') this.armSuspendedTimer();
    if (next === 'LOST') {
      this.closeClient();
      this.openClient();
    }
    for (const listener of [...this.listeners]) listener(next);
  }

  private armSuspendedTimer(): void {
    const timeoutMs = this.current?.getSessionTimeout() ?? this.sessionTimeoutMs;
    this.suspendedTimer = setTimeout(() => {
      this.suspendedTimer = null;
      if (this.state === 'SUSPENDED') this.onRawState('EXPIRED', `suspended for the session timeout of ${timeoutMs} ms`);
    }, timeoutMs);
    this.suspendedTimer.unref();
  }

  private clearSuspendedTimer(): void {
    if (this.suspendedTimer !== null) clearTimeout(this.suspendedTimer);
    this.suspendedTimer = null;
  }
}
