// The register workload (Jepsen's clients + generator): one client per ZooKeeper member, each with its own
// session pinned to that member, each running one operation at a time at about `ratePerClient` operations a
// second, from a seeded equal mix of read / write / compare-and-set, until stopped or a cap on count or time.
// Every operation goes into the scenario's history (invoke, then ok / fail / info). A client whose operation
// ended unknown (info) continues as a new process: the old operation may still take effect, and a process
// runs one operation at a time.
import { History } from '../history/history';
import { measure, now } from '../../containers/shared/deadline';
import { SeededRandom } from '../fleet/seeded-random';
import { RegisterClient } from '../clients/register-client';
import { DEFAULT_MIX, RegisterGenerator, RegisterMix, invocationValue } from './register-generator';

export interface RegisterWorkloadOptions {
  readonly syncReads: boolean;
  readonly seed: number;
  readonly ratePerClient: number;
  /** Across all clients. */
  readonly maxOps: number;
  readonly maxDurationMs: number;
  readonly opTimeoutMs: number;
  /** How long an operation waits for its session to connect before it fails as never sent. */
  readonly connectWaitMs: number;
  readonly sessionTimeoutMs: number;
  readonly mix: RegisterMix;
}

export const REGISTER_DEFAULTS = { ratePerClient: 10, maxOps: 5000, maxDurationMs: 10 * 60_000, opTimeoutMs: 500, connectWaitMs: 100, mix: DEFAULT_MIX } as const;

/**
 * A register verdict judges the whole workload, and the workload must reach past the last fault: until the
 * ensemble has been seen serving again (an acknowledged read and write after the last fault step ended) and at
 * least this many operations were acknowledged in all, it keeps running, at most MAX_EXTRA_REGISTER_MS more.
 */
export const MIN_JUDGED_REGISTER_OPS = 100;
export const MAX_EXTRA_REGISTER_MS = 10_000;

export interface RegisterTarget {
  readonly name: string;
  /** host:port, asked again on every reconnection (a restarted member has a new host port). */
  readonly address: () => string;
}

export class RegisterWorkload {
  private readonly clients: RegisterClient[];
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private stopping = false;
  private invoked = 0;
  private startedAt = 0;
  private readonly outcomes = new Map<string, number>();
  /** Clock readings (performance.now(), through now()) of the last acknowledged read and write, and the acknowledged count. */
  private lastOkRead = -Infinity;
  private lastOkWrite = -Infinity;
  private acknowledged = 0;

  constructor(private readonly targets: readonly RegisterTarget[], private readonly history: History, readonly options: RegisterWorkloadOptions) {
    if (targets.length === 0) throw new Error('a register workload needs at least one ZooKeeper member');
    this.clients = targets.map((t) => new RegisterClient(t.name, t.address, { syncReads: options.syncReads, sessionTimeoutMs: options.sessionTimeoutMs, opTimeoutMs: options.opTimeoutMs, connectWaitMs: options.connectWaitMs }));
  }

  /** Writes every register's first value (recorded, as any write), then starts the clients. */
  async start(): Promise<void> {
    const first = this.clients[0]!;
    for (const key of this.options.mix.keys) {
      const complete = this.history.invoke(`${first.member}/init`, 'write', { key, value: 0 });
      try {
        await first.initialize(key, 0);
        complete('ok', { key });
      } catch (e) {
        complete('info', { key, error: (e as Error).message });
        throw new Error(`The register workload could not write register ${key}'s first value through ${first.member}: ${(e as Error).message}`);
      }
    }
    this.startedAt = now();
    this.clients.forEach((client, i) => this.loops.push(this.loop(client, new SeededRandom((this.options.seed + i * 0x9e3779b9) >>> 0))));
  }

  private async loop(client: RegisterClient, random: SeededRandom): Promise<void> {
    const generator = new RegisterGenerator(random, this.options.mix);
    const intervalMs = 1000 / this.options.ratePerClient;
    let generation = 0;
    let next = now();
    while (!this.stopping && this.invoked < this.options.maxOps && now() - this.startedAt < this.options.maxDurationMs) {
      const call = generator.next();
      this.invoked++;
      const complete = this.history.invoke(`${client.member}/p${generation}`, call.f, invocationValue(call));
      const outcome = await client.run(call);
      complete(outcome.type, outcome.value);
      const tally = outcome.value.swapped === false ? 'cas returned false' : `${call.f} ${outcome.type}`;
      this.outcomes.set(tally, (this.outcomes.get(tally) ?? 0) + 1);
      if (outcome.type === 'ok') {
        this.acknowledged++;
        if (call.f === 'read') this.lastOkRead = now();
        else if (call.f === 'write' || outcome.value.swapped !== false) this.lastOkWrite = now();
      }
      if (outcome.type === 'info') generation++;
      next = Math.max(next + intervalMs, now()); // late: the next one starts at once, with no burst to catch up
      await this.pause(next - now());
    }
  }

  /** Paces a client; stop() cuts the pause short. */
  private pause(ms: number): Promise<void> {
    if (ms <= 0 || this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => { clearTimeout(timer); this.wakers.delete(wake); resolve(); };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  /**
   * Keeps the workload running until it covers the recovery from the last fault (which ended at `sinceMs`,
   * a performance.now() reading) and has enough acknowledged operations, bounded in time; says how long that took.
   */
  async reachPast(sinceMs: number): Promise<string> {
    const m = await measure('the register workload to be served again after the last fault', async () => {
      const served = this.lastOkRead > sinceMs && this.lastOkWrite > sinceMs;
      return { ok: (served && this.acknowledged >= MIN_JUDGED_REGISTER_OPS) || this.stopping || this.invoked >= this.options.maxOps, seen: `${this.acknowledged} ops acknowledged; last acknowledged read ${ago(this.lastOkRead)}, write ${ago(this.lastOkWrite)}` };
    }, MAX_EXTRA_REGISTER_MS, { pollMs: 50, overrunFactor: 1 });
    const waited = Math.round(m.measuredMs ?? MAX_EXTRA_REGISTER_MS);
    return m.met ? (waited > 60 ? `the workload ran ${waited} ms more to cover the recovery` : '') : `the ensemble was not seen serving register reads and writes again within ${MAX_EXTRA_REGISTER_MS / 1000} s of the judging step (${m.lastSeen ?? '-'})`;
  }

  /** Stops invoking, waits for the operations in flight (each bounded by its timeouts) and closes the sessions. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of [...this.wakers]) wake();
    await Promise.all(this.loops);
    for (const c of this.clients) c.close();
  }

  /** "read ok: 40, write info: 2, …" so far. */
  counts(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.outcomes].sort(([a], [b]) => a.localeCompare(b)));
  }

  describe(): string {
    const o = this.options;
    return `${this.targets.length} register clients (${this.targets.map((t) => t.name).join(', ')}), a read and a write session pinned to each member, ` +
      `about ${o.ratePerClient} ops/s each, equal mix of read${o.syncReads ? ' after sync' : ' without sync (plain)'} / write / compare-and-set ` +
      `on ${o.mix.keys.join(', ')} with values 0–${o.mix.values - 1}, at most ${o.maxOps} ops, op timeout ${o.opTimeoutMs} ms (${o.connectWaitMs} ms for a connection), seed ${o.seed}`;
  }
}

const ago = (t: number) => (Number.isFinite(t) ? `${Math.round(now() - t)} ms ago` : 'never');
