import type { Socket } from 'net';
import { buildConnector, errors, Pool } from 'undici';
import { Lifecycle } from './lifecycle';

export const CONNECT_TIMEOUT_MS = 250;
export const HEADERS_TIMEOUT_MS = 1000;
export const BODY_TIMEOUT_MS = 1000;
/** undici's own timers tick every ~500 ms; they stay set, a little later, as a backstop. */
const UNDICI_BACKSTOP_MS = 500;
const CONNECTIONS_PER_BACKEND = 32;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * One undici Pool per backend origin. After a failure the origin's pool is destroyed, with every
 * socket in it, and the next request gets a fresh one: a connection that failed is never reused.
 */
export class Dispatchers {
  private readonly lifecycle = new Lifecycle('Dispatchers');
  private readonly pools = new Map<string, Pool>();
  private readonly connect = connectWithin(CONNECT_TIMEOUT_MS);

  start(): void {
    this.lifecycle.start();
  }

  get(origin: string): Pool {
    if (!this.lifecycle.started) throw new Error(`Dispatchers is ${this.lifecycle.state}: no request can be sent.`);
    let pool = this.pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: CONNECTIONS_PER_BACKEND,
        pipelining: 1,
        connect: this.connect,
        headersTimeout: HEADERS_TIMEOUT_MS + UNDICI_BACKSTOP_MS,
        bodyTimeout: BODY_TIMEOUT_MS + UNDICI_BACKSTOP_MS,
        maxResponseSize: MAX_RESPONSE_BYTES,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** Drops the pool that failed (if it is still the current one for its origin) and destroys its sockets. */
  discard(origin: string, pool: Pool): void {
    if (this.pools.get(origin) === pool) this.pools.delete(origin);
    pool.destroy().catch(() => undefined);
  }

  /** Closes, gracefully, the pools of origins that are no longer registered. */
  retain(origins: ReadonlySet<string>): void {
    for (const [origin, pool] of [...this.pools]) {
      if (origins.has(origin)) continue;
      this.pools.delete(origin);
      pool.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (!this.lifecycle.close()) return;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.destroy()));
  }
}

/** undici's connector with its timeout on a native timer: undici's own fires up to ~500 ms late. */
function connectWithin(timeoutMs: number): buildConnector.connector {
  const base = buildConnector({ timeout: 0 });
  return (options, callback) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      socket?.destroy();
      callback(new errors.ConnectTimeoutError(`no connection to ${options.hostname}:${options.port} within ${timeoutMs} ms`), null);
    }, timeoutMs);
    // The connector returns the socket it opens, though its type says void.
    const socket = base(options, (...result) => {
      if (settled) {
        result[1]?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      callback(...result);
    }) as unknown as Socket | undefined;
  };
}
