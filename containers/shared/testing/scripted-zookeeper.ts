// A scripted, in-memory ZooKeeper server on loopback for unit tests of the harness's watch recipes: one flat
// tree of paths, child watches per connection, and levers to change children and drop connections.
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { EVENT, ERR, OP, STAT, connectResponse, int, isConnectRequest, notification, parseRequest, reply, ustring } from './zookeeper-wire';

export class ScriptedZooKeeper {
  private readonly nodes = new Map<string, Buffer>();
  private readonly sockets = new Set<Socket>();
  private readonly childWatches = new Map<Socket, Set<string>>();
  private server: Server | null = null;
  private nextSession = 0x5eed_0001;
  /** Sessions (low 32 bits of the id) the server has expired: their reconnections are refused as expired. */
  private readonly expired = new Set<number>();

  constructor(private readonly sessionTimeoutMs = 4000) {}

  get connectString(): string {
    return `127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    this.server = createServer((socket) => this.accept(socket));
    return new Promise((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
  }

  stop(): void {
    this.dropConnections();
    this.server?.close();
  }

  /** Creates or replaces a znode and fires the child watches of its parent. */
  put(path: string, data: string): void {
    this.nodes.set(path, Buffer.from(data));
    this.fireChildWatches(parentOf(path));
  }

  remove(path: string): void {
    this.nodes.delete(path);
    this.fireChildWatches(parentOf(path));
  }

  /** Expires every live session: connections drop, and a client that comes back with its old id is told so. */
  expireSessions(): void {
    for (let id = 0x5eed_0001; id < this.nextSession; id++) this.expired.add(id);
    this.dropConnections();
  }

  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.childWatches.clear();
  }

  private childrenOf(path: string): string[] {
    return [...this.nodes.keys()].filter((p) => parentOf(p) === path).map((p) => p.slice(path.length + 1)).sort();
  }

  private fireChildWatches(path: string): void {
    for (const [socket, paths] of this.childWatches) {
      if (paths.delete(path)) socket.write(notification(EVENT.NODE_CHILDREN_CHANGED, path));
    }
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    this.childWatches.set(socket, new Set());
    let pending = Buffer.alloc(0);
    let connected = false;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.childWatches.delete(socket);
    });
    socket.on('data', (data) => {
      pending = Buffer.concat([pending, data]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const body = pending.subarray(4, 4 + pending.readInt32BE(0));
        pending = pending.subarray(4 + body.length);
        if (!connected && isConnectRequest(body)) {
          connected = true;
          // ConnectRequest: protocol version (4), last zxid seen (8), timeout (4), session id (8), password.
          const session = body.readUInt32BE(20);
          if (this.expired.has(session)) {
            socket.end(connectResponse(0, session));
            continue;
          }
          socket.write(connectResponse(this.sessionTimeoutMs, session !== 0 ? session : this.nextSession++));
        } else {
          this.answer(socket, body);
        }
      }
    });
  }

  private answer(socket: Socket, body: Buffer): void {
    const { xid, op, path } = parseRequest(body);
    const exists = path !== null && (path === '/' || this.nodes.has(path));
    switch (op) {
      case OP.PING:
      case OP.SET_WATCHES:
        socket.write(reply(xid, 0));
        return;
      case OP.CLOSE_SESSION:
        socket.end(reply(xid, 0));
        return;
      case OP.GET_CHILDREN2: {
        if (!exists) return void socket.write(reply(xid, ERR.NO_NODE));
        if (body[body.length - 1] === 1) this.childWatches.get(socket)?.add(path!);
        const children = this.childrenOf(path!);
        socket.write(reply(xid, 0, Buffer.concat([int(children.length), ...children.map(ustring), STAT])));
        return;
      }
      case OP.GET_DATA:
        if (!exists) return void socket.write(reply(xid, ERR.NO_NODE));
        socket.write(reply(xid, 0, Buffer.concat([int(this.nodes.get(path!)?.length ?? 0), this.nodes.get(path!) ?? Buffer.alloc(0), STAT])));
        return;
      case OP.EXISTS:
        socket.write(exists ? reply(xid, 0, STAT) : reply(xid, ERR.NO_NODE));
        return;
      default:
        socket.write(reply(xid, -6)); // UNIMPLEMENTED
    }
  }
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}
