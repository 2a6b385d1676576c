// Bounded traffic through the gateway: a fixed rate, a timeout per request, a cap on count and time. Every
// request goes into the scenario's history as an operation: invoked, then ok / fail / info (timeout: outcome
// unknown) with its status, the backend that answered and its latency.
import { Agent, request } from 'undici';
import { History } from '../history/history';
import { HistoryEvent, OpEvent } from '../history/events';

export type Outcome = 'ok' | 'fail' | 'info';

/** A request as the history tells it (times on the history's clock). */
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
export const TRAFFIC_PROCESS = 'traffic';

export class GatewayTraffic {
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private sent = 0;
  private startedAt = 0;
  private readonly agent: Agent;
  /** When the traffic started, on the history's clock. */
  startMs = 0;

  constructor(private readonly url: string, private readonly history: History, private readonly options: TrafficOptions = DEFAULT_TRAFFIC) {
    // A fresh connection per request: a dead socket is never reused after a failure.
    this.agent = new Agent({ connect: { timeout: options.timeoutMs }, pipelining: 0 });
  }

  start(): void {
    if (this.timer) throw new Error('traffic is already running');
    this.startedAt = performance.now();
    this.startMs = this.history.now();
    this.timer = setInterval(() => this.tick(), 1000 / this.options.ratePerSecond);
  }


  private tick(): void {
    if (this.sent >= this.options.maxRequests || performance.now() - this.startedAt >= this.options.maxDurationMs) {
      clearInterval(this.timer);
      return;
    }
    this.sent++;
    const p = this.one().finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async one(): Promise<void> {
    const started = performance.now();
    const complete = this.history.invoke(TRAFFIC_PROCESS, 'request');
    const latencyMs = () => Math.round((performance.now() - started) * 10) / 10;
    const t = this.options.timeoutMs;
    try {
      const response = await request(this.url, { dispatcher: this.agent, headersTimeout: t, bodyTimeout: t, signal: AbortSignal.timeout(t) });
      await response.body.text();
      const backend = response.headers['x-zkh-backend'];
      complete(response.statusCode === 200 ? 'ok' : 'fail', { status: response.statusCode, backend: typeof backend === 'string' ? backend : null, latencyMs: latencyMs(), error: null });
    } catch (e) {
      const message = (e as Error).message;
      const timedOut = /timeout|aborted/i.test(`${(e as Error).name} ${message}`);
      complete(timedOut ? 'info' : 'fail', { status: null, backend: null, latencyMs: latencyMs(), error: message });
    }
  }

  /** Stops sending and waits for the requests in flight (each ends within its timeout). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
    await this.agent.close().catch(() => undefined);
  }
}

/** The completed requests of a history, by start time (invocations still in flight are left out). */
export function requestsOf(events: readonly HistoryEvent[], fromMs = Number.NEGATIVE_INFINITY, untilMs = Number.POSITIVE_INFINITY): RequestRecord[] {
  const invoked = new Map<number, number>();
  const records: RequestRecord[] = [];
  for (const e of events) {
    if (e.kind !== 'op' || e.process !== TRAFFIC_PROCESS || e.f !== 'request') continue;
    if (e.type === 'invoke') {
      invoked.set(e.id, e.t);
      continue;
    }
    const startMs = invoked.get(e.id);
    if (startMs === undefined || startMs < fromMs || startMs > untilMs) continue;
    const v = (e as OpEvent).value ?? {};
    records.push({ startMs, endMs: e.t, outcome: e.type, status: (v.status as number | null) ?? null, backend: (v.backend as string | null) ?? null, error: (v.error as string | null) ?? null });
  }
  return records.sort((a, b) => a.startMs - b.startMs);
}
