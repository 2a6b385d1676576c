// ZooKeeper's wire format (length-prefixed Jute frames), just enough for unit tests that drive the real
// node-zookeeper-client against a scripted server on loopback. Never used by scenarios: they run real ZooKeeper.
import type { Socket } from 'node:net';

export function frame(body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length, 0);
  return Buffer.concat([length, body]);
}

/** Calls `onFrame` with the body of each whole frame the peer sends on `socket`, in order. */
export function onFrames(socket: Socket, onFrame: (body: Buffer) => void): void {
  let pending = Buffer.alloc(0);
  socket.on('data', (data) => {
    pending = Buffer.concat([pending, data]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const body = pending.subarray(4, 4 + pending.readInt32BE(0));
      pending = pending.subarray(4 + body.length);
      onFrame(body);
    }
  });
}

/** ConnectResponse: protocol version 0, negotiated timeout, session id, 16-byte password, read-only flag. */
export function connectResponse(timeoutMs: number, sessionLow: number): Buffer {
  const body = Buffer.alloc(4 + 4 + 8 + 4 + 16 + 1);
  body.writeInt32BE(0, 0);
  body.writeInt32BE(timeoutMs, 4);
  body.writeUInt32BE(0x0100_0a2b, 8);
  body.writeUInt32BE(sessionLow, 12);
  body.writeInt32BE(16, 16);
  return frame(body);
}

/** A reply: header (xid, zxid, err) and an optional payload. */
export function reply(xid: number, err: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32BE(xid, 0);
  header.writeInt32BE(err, 12);
  return frame(Buffer.concat([header, payload]));
}

/** A ConnectRequest is 44 bytes (version, last zxid, timeout, session id, password); requests are shorter. */
export const isConnectRequest = (body: Buffer): boolean => body.length >= 44;

export function ustring(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}

export function int(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n, 0);
  return b;
}

/** A Stat of zeros: the harness reads children and data, not stats. */
export const STAT = Buffer.alloc(68);

/** A request frame's header and its leading path (every request the tests answer starts with one). */
export function parseRequest(body: Buffer): { xid: number; op: number; path: string | null } {
  const xid = body.readInt32BE(0);
  const op = body.readInt32BE(4);
  if (body.length < 12) return { xid, op, path: null };
  const length = body.readInt32BE(8);
  return { xid, op, path: length >= 0 && 12 + length <= body.length ? body.toString('utf8', 12, 12 + length) : null };
}

/** A watch notification (xid -1): event type, keeper state 3 (SyncConnected), path. */
export function notification(type: number, path: string): Buffer {
  return reply(-1, 0, Buffer.concat([int(type), int(3), ustring(path)]));
}

export const OP = { EXISTS: 3, GET_DATA: 4, SYNC: 9, PING: 11, GET_CHILDREN2: 12, SET_WATCHES: 101, CLOSE_SESSION: -11 } as const;
export const EVENT = { NODE_CREATED: 1, NODE_DELETED: 2, NODE_DATA_CHANGED: 3, NODE_CHILDREN_CHANGED: 4 } as const;
export const ERR = { NO_NODE: -101 } as const;
