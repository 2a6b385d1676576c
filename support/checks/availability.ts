// Verdicts over recorded requests, for the traffic steps. A timeout (info) counts as a failure for
// availability; latency is each request's time from invocation to completion, whatever its outcome (a
// timed-out request counts with its full timeout, so failures cannot flatter a latency objective).
import { RequestRecord } from '../workload/gateway-traffic';

export interface Availability {
  readonly total: number;
  readonly ok: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly ratio: number;
  /** Longest span from the start of the first failed request to the end of that failure run; 0 if none. */
  readonly longestOutageMs: number;
  readonly byBackend: Record<string, number>;
}

export function availability(history: readonly RequestRecord[]): Availability {
  const ok = history.filter((r) => r.outcome === 'ok').length;
  const timedOut = history.filter((r) => r.outcome === 'info').length;
  const byBackend: Record<string, number> = {};
  for (const r of history) if (r.backend) byBackend[r.backend] = (byBackend[r.backend] ?? 0) + 1;
  return { total: history.length, ok, failed: history.length - ok - timedOut, timedOut, ratio: history.length ? ok / history.length : 0, longestOutageMs: longestOutage(history), byBackend };
}

/** Consecutive non-ok requests (by start time) form an outage, from the first one's start to the last one's end. */
export function longestOutage(history: readonly RequestRecord[]): number {
  const sorted = [...history].sort((a, b) => a.startMs - b.startMs);
  let longest = 0;
  let runStart: number | null = null;
  let runEnd = 0;
  for (const r of sorted) {
    if (r.outcome === 'ok') {
      if (runStart !== null) longest = Math.max(longest, runEnd - runStart);
      runStart = null;
    } else {
      runStart ??= r.startMs;
      runEnd = Math.max(runEnd, r.endMs);
    }
  }
  if (runStart !== null) longest = Math.max(longest, runEnd - runStart);
  return Math.round(longest);
}

export interface TrafficVerdict {
  readonly valid: boolean;
  readonly summary: string;
}

/** The q-quantile (0..1) of a list of numbers, nearest rank; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const latencies = (requests: readonly RequestRecord[]) => requests.map((r) => r.endMs - r.startMs);

export function judgeAvailability(requests: readonly RequestRecord[], minRatio: number): TrafficVerdict {
  const a = availability(requests);
  const summary = `${a.ok} of ${a.total} requests succeeded (${(a.ratio * 100).toFixed(2)}%; ${a.failed} failed, ${a.timedOut} timed out; longest outage ${a.longestOutageMs} ms; by backend ${JSON.stringify(a.byBackend)})`;
  return { valid: a.total > 0 && a.ratio >= minRatio, summary: a.total ? summary : 'no request completed' };
}

/** At least `share` of the requests succeeded within `boundMs`. */
export function judgeLatencyShare(requests: readonly RequestRecord[], share: number, boundMs: number): TrafficVerdict {
  const within = requests.filter((r) => r.outcome === 'ok' && r.endMs - r.startMs <= boundMs).length;
  const ratio = requests.length ? within / requests.length : 0;
  const l = latencies(requests);
  const summary = `${within} of ${requests.length} requests succeeded within ${boundMs} ms (${(ratio * 100).toFixed(2)}%; latency p50 ${fmt(quantile(l, 0.5))}, p99 ${fmt(quantile(l, 0.99))}, max ${fmt(Math.max(...l))})`;
  return { valid: requests.length > 0 && ratio >= share, summary };
}

export function judgeMedianLatency(requests: readonly RequestRecord[], boundMs: number): TrafficVerdict {
  const l = latencies(requests);
  const median = quantile(l, 0.5);
  return { valid: requests.length > 0 && median < boundMs, summary: `median latency ${fmt(median)} over ${requests.length} requests (p99 ${fmt(quantile(l, 0.99))})` };
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'n/a');
