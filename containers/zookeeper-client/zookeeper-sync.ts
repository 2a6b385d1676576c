// ZooKeeper's `sync`, which node-zookeeper-client 1.1.3 lacks: it knows the opcode (9) but has no SyncRequest
// in its Jute spec and no sync() on its client. A read after `sync` on the same session sees every write the
// leader had committed when the sync reached it (ZooKeeper Programmer's Guide, "Consistency Guarantees").
//
// Why the request looks the way it does: the library's reply handler picks a reply's payload class from the
// *request header's* type and drops the connection on a type it does not know, 9 among them. A SyncResponse
// is only the path echoed back, which nobody needs. So the bytes on the wire say 9 (SyncRequest = {path}),
// while the header the reply handler reads says DELETE, whose reply has no payload; the echoed path stays
// unread inside its frame, and the library frames replies by length, so the next reply is read correctly.
// The xid is the header's, assigned by the library when it sends the request, as for every other request.
import type { Client } from 'node-zookeeper-client';

const SYNC_OPCODE = 9;

interface Jute {
  readonly OP_CODES: Readonly<Record<string, number>>;
  readonly protocol: { RequestHeader: new () => { xid: number; type: number } };
}

interface ConnectionManager {
  queue(request: unknown, callback: (error: unknown) => void): void;
}

let jute: Jute | undefined;

function loadJute(): Jute {
  if (jute) return jute;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('node-zookeeper-client/lib/jute/index.js') as Jute;
  if (loaded.OP_CODES?.SYNC !== SYNC_OPCODE || typeof loaded.OP_CODES?.DELETE !== 'number' || typeof loaded.protocol?.RequestHeader !== 'function') {
    throw new Error('node-zookeeper-client\'s Jute module is not the one the sync repair was written for (1.1.3): no SYNC opcode 9, DELETE or RequestHeader.');
  }
  jute = loaded;
  return loaded;
}

/** The frame of a SyncRequest: length, xid, opcode 9, path. Exported for the wire test. */
export function syncFrame(xid: number, path: string): Buffer {
  const bytes = Buffer.from(path, 'utf8');
  const frame = Buffer.alloc(16 + bytes.length);
  frame.writeInt32BE(12 + bytes.length, 0);
  frame.writeInt32BE(xid, 4);
  frame.writeInt32BE(SYNC_OPCODE, 8);
  frame.writeInt32BE(bytes.length, 12);
  bytes.copy(frame, 16);
  return frame;
}

/** Sends `sync(path)` on the client's connection; `callback` gets null once the member has caught up. */
export function syncZnode(client: Client, path: string, callback: (error: unknown) => void): void {
  const { OP_CODES, protocol } = loadJute();
  const manager = (client as unknown as { connectionManager?: ConnectionManager }).connectionManager;
  if (typeof manager?.queue !== 'function') {
    throw new Error('node-zookeeper-client\'s Client has no connectionManager.queue(): the sync repair was written for 1.1.3.');
  }
  const header = new protocol.RequestHeader();
  header.type = OP_CODES.DELETE!;
  const request = { header, payload: null, toBuffer: () => syncFrame(header.xid, path) };
  manager.queue(request, (error) => callback(error ?? null));
}
