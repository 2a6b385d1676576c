// A scripted, in-memory ZooKeeper server on loopback for unit tests of the session and the watch recipe: one
// flat tree of paths, child and data watches per connection, and levers to change znodes, drop connections,
// expire sessions and leave reads unanswered.
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { EVENT, ERR, OP, STAT, connectResponse, int, isConnectRequest, notification, onFrames, parseRequest, reply, ustring } from './zookeeper-wire';

export class ScriptedZooKeeper {
  private readonly nodes = new Map<string, Buffer>();
  private readonly sockets = new Set<Socket>();
  private readonly childWatches = new Map<Socket, Set<string>>();
  /** Paths watched by getData or exists, per connection: their creation, change or deletion is notified. */
  private readonly dataWatches = new Map<Socket, Set<string>>();
  /** While true, reads get no answer (pings still do): a server that is up but does not serve. */
  private stalled = false;
  private server: Server | null = null;
  private nextSession = 0x5eed_0001;
  /** Sessions (low 32 bits of the id) the server has expired: their reconnections are refused as expired. */
  private readonly expired = new Set<number>();
  /** The path of every sync request answered, in order. */
  readonly syncs: string[] = [];
  /** Connections accepted so far: a client that had to reconnect shows here. */
  accepted = 0;

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

  /** Creates a znode (notifying its creation and its parent's children) or changes its data (notifying that). */
  put(path: string, data: string): void {
    const created = !this.nodes.has(path);
    this.nodes.set(path, Buffer.from(data));
    this.fire(this.dataWatches, path, created ? EVENT.NODE_CREATED : EVENT.NODE_DATA_CHANGED);
    if (created) this.fire(this.childWatches, parentOf(path), EVENT.NODE_CHILDREN_CHANGED);
  }

  remove(path: string): void {
    this.nodes.delete(path);
    this.fire(this.dataWatches, path, EVENT.NODE_DELETED);
    this.fire(this.childWatches, path, EVENT.NODE_DELETED);
    this.fire(this.childWatches, parentOf(path), EVENT.NODE_CHILDREN_CHANGED);
  }

  /** Leaves every read unanswered (true) or answers them again (false). */
  stall(stalled: boolean): void {
    this.stalled = stalled;
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
    this.dataWatches.clear();
  }

  private childrenOf(path: string): string[] {
    return [...this.nodes.keys()].filter((p) => parentOf(p) === path).map((p) => p.slice(path.length + 1)).sort();
  }

  /** Watches are one-shot: a notification consumes the watch. */
  private fire(watches: Map<Socket, Set<string>>, path: string, event: number): void {
    for (const [socket, paths] of watches) {
      if (paths.delete(path)) socket.write(notification(event, path));
    }
  }

  private accept(socket: Socket): void {
    this.accepted++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    this.childWatches.set(socket, new Set());
    this.dataWatches.set(socket, new Set());
    let connected = false;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.childWatches.delete(socket);
      this.dataWatches.delete(socket);
    });
    onFrames(socket, (body) => {
      if (connected || !isConnectRequest(body)) return this.answer(socket, body);
      connected = true;
      // ConnectRequest: protocol version (4), last zxid seen (8), timeout (4), session id (8), password.
      const session = body.readUInt32BE(20);
      if (this.expired.has(session)) socket.end(connectResponse(0, session));
      else socket.write(connectResponse(this.sessionTimeoutMs, session !== 0 ? session : this.nextSession++));
    });
  }

  private answer(socket: Socket, body: Buffer): void {
    const { xid, op, path } = parseRequest(body);
    if (this.stalled && op !== OP.PING && op !== OP.SET_WATCHES && op !== OP.CLOSE_SESSION) return;
    const exists = path !== null && (path === '/' || this.nodes.has(path));
    // Each read ends with its watch flag. Like ZooKeeper, a missing znode gets a watch (on its creation) from
    // exists only.
    const watch = (op === OP.GET_DATA || op === OP.EXISTS || op === OP.GET_CHILDREN2) && body[body.length - 1] === 1;
    if (watch && op === OP.GET_CHILDREN2 && exists) this.childWatches.get(socket)?.add(path!);
    if (watch && (op === OP.EXISTS || (op === OP.GET_DATA && exists))) this.dataWatches.get(socket)?.add(path!);
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
        const children = this.childrenOf(path!);
        socket.write(reply(xid, 0, Buffer.concat([int(children.length), ...children.map(ustring), STAT])));
        return;
      }
      case OP.GET_DATA:
        if (!exists) return void socket.write(reply(xid, ERR.NO_NODE));
        socket.write(reply(xid, 0, Buffer.concat([int(this.nodes.get(path!)?.length ?? 0), this.nodes.get(path!) ?? Buffer.alloc(0), STAT])));
        return;
      case OP.SYNC: // SyncResponse: the path echoed back
        this.syncs.push(path ?? '');
        socket.write(reply(xid, 0, ustring(path ?? '')));
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
