// Repairs to node-zookeeper-client 1.1.3's connection handling, installed once per process on its
// ConnectionManager. Used by the gateway and by the harness's own sessions (one module, two users).
//
// What goes wrong without them (each reproduced by zookeeper-client-guard.test.ts against the real library):
// - close() before the ConnectResponse arrived queues CLOSE_SESSION as xid 0; the ConnectResponse (protocol
//   version 0) is then read as its reply and the low half of the session id as an error code, which throws
//   `Unknown code: <garbage>` from the socket's data handler: an uncaught exception (upstream issues #23, #70).
// - a socket closed mid-frame leaves its bytes in `pendingBuffer`, and the next socket's frames are read
//   after them.
// - any frame the library cannot read throws from the data handler instead of dropping the connection.
// - there is no read timeout: a paused or partitioned server leaves the client "connected" for ever. Like
//   ZooKeeper's Java client, a connection silent for two thirds of the session timeout is dropped.

export type RepairKind = 'closed-before-connected' | 'stale-bytes-dropped' | 'unreadable-frame' | 'silent-server';

export interface ClientRepair {
  readonly kind: RepairKind;
  readonly detail: string;
}

type Listener = (repair: ClientRepair) => void;

interface Socket {
  readonly destroyed: boolean;
  destroy(): void;
}

interface Packet {
  readonly callback?: (error: unknown) => void;
}

/** The internals of ConnectionManager the repairs touch. */
interface Manager {
  state: number;
  socket?: Socket;
  pendingBuffer: Buffer | null;
  sessionTimeout: number;
  packetQueue: { shift(): Packet | undefined };
  setState(state: number): void;
  cleanupPendingQueue(code: number): void;
  zkhClosed?: boolean;
  zkhLastHeardMs?: number;
}

type Method = (this: Manager, ...args: unknown[]) => unknown;

interface ManagerClass {
  readonly prototype: Record<string, Method | boolean | undefined>;
  readonly STATES: Readonly<Record<string, number>>;
}

const REPAIRED = 'zkhRepaired';
const SILENCE_CHECK_MS = 50;
const listeners = new Set<Listener>();
const counts = new Map<RepairKind, number>();

/** How many times each repair was made in this process, for diagnostics. */
export function repairCounts(): Readonly<Record<string, number>> {
  return Object.fromEntries(counts);
}

/**
 * Installs the repairs (once; later calls only add the listener). Fails loudly if the library's internals
 * are not the ones these repairs were written for.
 */
export function guardZooKeeperClient(onRepair?: Listener): void {
  if (onRepair) listeners.add(onRepair);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Manager = require('node-zookeeper-client/lib/ConnectionManager.js') as ManagerClass;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Exception = require('node-zookeeper-client/lib/Exception.js') as { create(code: number): unknown; CONNECTION_LOSS: number };
  const proto = Manager.prototype;
  if (proto[REPAIRED] === true) return;
  const original = (name: string): Method => {
    const method = proto[name];
    if (typeof method !== 'function') {
      throw new Error(`node-zookeeper-client's ConnectionManager has no ${name}(): the connection repairs were written for 1.1.3.`);
    }
    return method;
  };
  // Every state below zero (closing, closed, expired, auth failed) is final or on its way there.
  const state = (name: string): number => {
    const value = Manager.STATES[name];
    if (typeof value !== 'number') throw new Error(`node-zookeeper-client has no ${name} connection state: the connection repairs were written for 1.1.3.`);
    return value;
  };
  const [CONNECTED, CONNECTED_READ_ONLY, CLOSING, CLOSED] = ['CONNECTED', 'CONNECTED_READ_ONLY', 'CLOSING', 'CLOSED'].map(state) as [number, number, number, number];
  const close = original('close');
  const connect = original('connect');
  const findNextServer = original('findNextServer');
  const onSocketData = original('onSocketData');
  const onSocketClosed = original('onSocketClosed');

  // The read timeout is a timer, not the socket's idle timeout: requests written to a silent server would
  // keep the socket "active" for ever.
  const managers = new Set<Manager>();
  let timer: NodeJS.Timeout | null = null;
  const checkSilence = () => {
    for (const m of managers) {
      if (m.zkhClosed || m.state < 0) {
        managers.delete(m);
        continue;
      }
      const silentMs = Date.now() - (m.zkhLastHeardMs ?? Date.now());
      const live = m.state === CONNECTED || m.state === CONNECTED_READ_ONLY;
      if (live && m.socket && !m.socket.destroyed && silentMs >= (m.sessionTimeout * 2) / 3) {
        report('silent-server', `no answer for ${silentMs} ms: connection dropped`);
        m.zkhLastHeardMs = Date.now();
        m.socket.destroy();
      }
    }
    if (managers.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
  const watchSilence = (m: Manager) => {
    managers.add(m);
    if (timer === null) {
      timer = setInterval(checkSilence, SILENCE_CHECK_MS);
      timer.unref();
    }
  };

  const report = (kind: RepairKind, detail: string) => {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    for (const listener of listeners) listener({ kind, detail });
  };

  proto.close = function (this: Manager) {
    if (this.state === CONNECTED || this.state === CONNECTED_READ_ONLY) return close.call(this);
    if (this.zkhClosed || this.state === CLOSING || this.state === CLOSED) return undefined;
    // No session on this socket: drop it instead of sending CLOSE_SESSION (the server expires any session).
    this.zkhClosed = true;
    this.setState(CLOSING);
    for (let packet = this.packetQueue.shift(); packet; packet = this.packetQueue.shift()) {
      packet.callback?.(Exception.create(Exception.CONNECTION_LOSS));
    }
    report('closed-before-connected', 'closed while connecting: socket dropped instead of sending CLOSE_SESSION');
    if (this.socket && !this.socket.destroyed) {
      this.socket.destroy();
    } else {
      this.cleanupPendingQueue(Exception.CONNECTION_LOSS);
      this.setState(CLOSED);
    }
    return undefined;
  };

  proto.connect = function (this: Manager) {
    if (this.zkhClosed) return undefined;
    if (this.pendingBuffer !== null) {
      report('stale-bytes-dropped', `${this.pendingBuffer.length} bytes of the previous connection dropped`);
      this.pendingBuffer = null;
    }
    this.zkhLastHeardMs = Date.now();
    watchSilence(this);
    return connect.call(this);
  };

  // A spin delay can end after close(): no socket may be opened then.
  proto.findNextServer = function (this: Manager, callback: unknown) {
    return findNextServer.call(this, (server: unknown) => {
      if (!this.zkhClosed) (callback as (server: unknown) => void)(server);
    });
  };

  proto.onSocketClosed = function (this: Manager, ...args: unknown[]) {
    if (!this.zkhClosed) return onSocketClosed.apply(this, args);
    this.cleanupPendingQueue(Exception.CONNECTION_LOSS);
    this.setState(CLOSED);
    return undefined;
  };

  proto.onSocketData = function (this: Manager, buffer: unknown) {
    this.zkhLastHeardMs = Date.now();
    try {
      return onSocketData.call(this, buffer);
    } catch (error) {
      // The stream can no longer be trusted: drop it; the library reconnects and fails what was pending.
      this.pendingBuffer = null;
      report('unreadable-frame', `${(error as Error).message ?? error}: connection dropped`);
      this.socket?.destroy();
      return undefined;
    }
  };

  proto[REPAIRED] = true;
}
