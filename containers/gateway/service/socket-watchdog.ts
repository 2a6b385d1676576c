import type { Socket } from 'net';
import type { Client } from 'node-zookeeper-client';
import { Lifecycle } from './lifecycle';

interface ClientInternals {
  readonly connectionManager?: { readonly socket?: Socket };
}

/**
 * node-zookeeper-client has no read timeout: a server that stops answering (paused, partitioned)
 * leaves the client "connected" forever. Like ZooKeeper's Java client, drop a connection that has
 * been silent for two thirds of the session timeout; the client then reports DISCONNECTED and moves on.
 * The socket is reached through the client's internals, the only place the gateway does so.
 */
export class SocketWatchdog {
  private readonly lifecycle = new Lifecycle('SocketWatchdog');
  private timer: NodeJS.Timeout | null = null;
  private watched: Socket | null = null;
  private lastHeardMs = 0;
  private readonly heard = (): void => {
    this.lastHeardMs = Date.now();
  };

  constructor(
    private readonly client: Client,
    private readonly onSilence: (silentMs: number) => void,
  ) {}

  start(): void {
    this.lifecycle.start();
    this.timer = setInterval(() => this.check(), this.readTimeoutMs() / 8);
    this.timer.unref();
  }

  close(): void {
    if (!this.lifecycle.close()) return;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.watch(null);
  }

  private readTimeoutMs(): number {
    return Math.max(300, Math.floor((this.client.getSessionTimeout() * 2) / 3));
  }

  private check(): void {
    const socket = (this.client as unknown as ClientInternals).connectionManager?.socket ?? null;
    if (socket !== this.watched) this.watch(socket);
    // A socket still in its TCP handshake is covered by the client's own connect timeout.
    if (socket === null || socket.destroyed || socket.connecting) return;
    const silentMs = Date.now() - this.lastHeardMs;
    if (silentMs < this.readTimeoutMs()) return;
    this.onSilence(silentMs);
    this.lastHeardMs = Date.now();
    socket.destroy();
  }

  private watch(socket: Socket | null): void {
    this.watched?.removeListener('data', this.heard);
    this.watched?.removeListener('connect', this.heard);
    this.watched = socket;
    this.lastHeardMs = Date.now();
    socket?.on('data', this.heard);
    socket?.once('connect', this.heard);
  }
}
