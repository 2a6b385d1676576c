// Bounded traffic through the gateway: a fixed rate, a timeout per request, a cap on count and time. Every
// request is recorded as ok / fail / info (timeout: outcome unknown) with its start and end.
import { Agent, request } from 'undici';
import { now } from '../timing/eventually';

export type Outcome = 'ok' | 'fail' | 'info';

export interface RequestRecord {
  readonly startMs: number;
  readonly endMs: number;
  readonly outcome: Outcome;
  readonly status: number | null;
  readonly backend: string | null;
  readonly error: string | null;
}

export interface TrafficOptions {
  readonly ratePerSecond: number;
  readonly timeoutMs: number;
  readonly maxRequests: number;
  readonly maxDurationMs: number;
}

export const DEFAULT_TRAFFIC: TrafficOptions = { ratePerSecond: 20, timeoutMs: 1000, maxRequests: 5000, maxDurationMs: 10 * 60_000 };

export class GatewayTraffic {
  private readonly records: RequestRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private sent = 0;
  private startedAt = 0;
  private readonly agent: Agent;

  constructor(private readonly url: string, private readonly options: TrafficOptions = DEFAULT_TRAFFIC) {
    // A fresh connection per request: a dead socket is never reused after a failure.
    this.agent = new Agent({ connect: { timeout: options.timeoutMs }, pipelining: 0 });
  }

  start(): void {
    if (this.timer) throw new Error('traffic is already running');
    this.startedAt = now();
    this.timer = setInterval(() => this.tick(), 1000 / this.options.ratePerSecond);
  }

  private tick(): void {
    if (this.sent >= this.options.maxRequests || now() - this.startedAt >= this.options.maxDurationMs) {
      clearInterval(this.timer);
      return;
    }
    this.sent++;
    const p = this.one().finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async one(): Promise<void> {
    const startMs = now();
    const t = this.options.timeoutMs;
    try {
      const response = await request(this.url, { dispatcher: this.agent, headersTimeout: t, bodyTimeout: t, signal: AbortSignal.timeout(t) });
      await response.body.text();
      const backend = response.headers['x-zkh-backend'];
      this.records.push({ startMs, endMs: now(), outcome: response.statusCode === 200 ? 'ok' : 'fail', status: response.statusCode, backend: typeof backend === 'string' ? backend : null, error: null });
    } catch (e) {
      const message = (e as Error).message;
      const timedOut = /timeout|aborted/i.test(`${(e as Error).name} ${message}`);
      this.records.push({ startMs, endMs: now(), outcome: timedOut ? 'info' : 'fail', status: null, backend: null, error: message });
    }
  }

  /** Stops sending, waits for the requests in flight, and returns the whole history. */
  async stop(): Promise<RequestRecord[]> {
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
    await this.agent.close().catch(() => undefined);
    return [...this.records].sort((a, b) => a.startMs - b.startMs);
  }
}
