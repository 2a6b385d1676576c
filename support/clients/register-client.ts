// One register client of the harness's own, pinned to one member, running one operation at a time, and what
// each operation's end means for the history (Jepsen's client):
//   ok   it happened: a read says what it read; a compare-and-set that found another value than `from`
//        returned false and says what it found (it observed the register, as Porcupine's CAS register does);
//   fail it surely did not happen: ZooKeeper refused it (a CAS's version check failed), or the request was
//        never sent for want of a connection;
//   info unknown: the connection was lost or no answer came in time; a write may still take effect later.
//
// Reads and writes go on two sessions to the same member. ZooKeeper serves a session's requests in order, so
// a read queued behind a write the member cannot commit (it has lost its leader) would wait with it; a member
// answers a write only once it has applied it, so a read on the other session after an acknowledged write
// still sees it. A session that held an operation with an unknown outcome is replaced: the operation is still
// queued there, and the client goes on as a new process (register-workload.ts).
import { Exception } from 'node-zookeeper-client';
import { NotSentError, ZooKeeperSession } from '../../containers/zookeeper-client/zookeeper-session';
import { codeOf, isConnectionProblem } from '../../containers/zookeeper-client/zookeeper-errors';

export const REGISTERS_PATH = '/zkh-registers';

/** One operation a register client runs (Jepsen's op): the workload's generator decides which comes next. */
export type RegisterCall =
  | { readonly f: 'read'; readonly key: string }
  | { readonly f: 'write'; readonly key: string; readonly value: number }
  | { readonly f: 'cas'; readonly key: string; readonly from: number; readonly to: number };

export interface RegisterOutcome {
  readonly type: 'ok' | 'fail' | 'info';
  readonly value: Record<string, unknown>;
}

export interface RegisterClientOptions {
  /** Read after `sync` (linearizable) or plain (may be served stale by a member that has fallen behind). */
  readonly syncReads: boolean;
  readonly sessionTimeoutMs: number;
  readonly opTimeoutMs: number;
  /** An operation whose session is not connected fails as never sent after this long, not after the whole op timeout. */
  readonly connectWaitMs?: number;
}

/** The outcome of an operation that threw: surely not done, or unknown. */
export function outcomeOfError(error: unknown, sent: boolean): 'fail' | 'info' {
  if (!sent || error instanceof NotSentError) return 'fail';
  const code = codeOf(error);
  if (code === undefined) return 'info'; // a timeout, a closed session: the request may have been applied
  return isConnectionProblem(error) || code === Exception.OPERATION_TIMEOUT ? 'info' : 'fail';
}

/** A register's value as written: numbers as numbers, anything else as the string it is. */
export function parseRegister(data: Buffer | null): number | string | null {
  if (data === null) return null;
  const text = data.toString('utf8');
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

export class RegisterClient {
  private reads: ZooKeeperSession;
  private writes: ZooKeeperSession;

  /** `address` is asked again whenever a session reconnects: a restarted member has a new host port. */
  constructor(readonly member: string, private readonly address: () => string, private readonly options: RegisterClientOptions) {
    this.reads = this.open();
    this.writes = this.open();
  }

  static path(key: string): string {
    return `${REGISTERS_PATH}/${key}`;
  }

  /** Creates the register's znode with `value`, or sets it (a reused fleet keeps the last scenario's registers). */
  async initialize(key: string, value: number): Promise<void> {
    await this.writes.ensurePath(REGISTERS_PATH);
    const path = RegisterClient.path(key);
    if (await this.writes.exists(path)) await this.writes.setData(path, Buffer.from(String(value)));
    else await this.writes.create(path, Buffer.from(String(value)));
  }

  async run(call: RegisterCall): Promise<RegisterOutcome> {
    this.reads.follow();
    this.writes.follow();
    const path = RegisterClient.path(call.key);
    // Which session the request whose error ends the op went on, and whether it may change the register.
    let on = this.reads;
    let sent = call.f === 'read';
    try {
      if (call.f === 'read') return { type: 'ok', value: { key: call.key, value: await this.read(path) } };
      if (call.f === 'write') {
        on = this.writes;
        sent = true;
        await this.writes.setData(path, Buffer.from(String(call.value)));
        return { type: 'ok', value: { key: call.key } };
      }
      const node = await this.readNode(path);
      const found = parseRegister(node?.data ?? null);
      if (node === null || found !== call.from) return { type: 'ok', value: { key: call.key, swapped: false, found } };
      on = this.writes;
      sent = true;
      await this.writes.setData(path, Buffer.from(String(call.to)), node.stat.version);
      return { type: 'ok', value: { key: call.key } };
    } catch (error) {
      const type = outcomeOfError(error, sent);
      if (type === 'info') this.replace(on);
      return { type, value: { key: call.key, error: (error as Error).message ?? String(error) } };
    }
  }

  private async read(path: string): Promise<number | string | null> {
    return parseRegister((await this.readNode(path))?.data ?? null);
  }

  /** The znode as this member has it, after catching up with the leader when reads are sync'ed. */
  private async readNode(path: string): ReturnType<ZooKeeperSession['getData']> {
    if (this.options.syncReads) await this.reads.sync(path);
    return this.reads.getData(path);
  }

  private open(): ZooKeeperSession {
    return new ZooKeeperSession(this.address, { sessionTimeoutMs: this.options.sessionTimeoutMs, opTimeoutMs: this.options.opTimeoutMs, connectWaitMs: this.options.connectWaitMs });
  }

  private replace(session: ZooKeeperSession): void {
    session.close();
    if (session === this.reads) this.reads = this.open();
    else this.writes = this.open();
  }

  describe(): string {
    return `${this.member}: reads ${this.reads.describe()}; writes ${this.writes.describe()}`;
  }

  close(): void {
    this.reads.close();
    this.writes.close();
  }
}
