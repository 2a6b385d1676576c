// Verdicts over a recorded request history. A timeout (info) counts as a failure for availability.
import { RequestRecord } from '../workload/gateway-traffic';

export const MIN_REQUESTS_FOR_A_VERDICT = 100;

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

export type Verdict = { valid: true; summary: string } | { valid: false; summary: string } | { valid: 'unknown'; summary: string };

export function judgeAvailability(history: readonly RequestRecord[], minRatio: number): Verdict {
  const a = availability(history);
  const summary = `${a.ok} of ${a.total} requests succeeded (${(a.ratio * 100).toFixed(2)}%; ${a.failed} failed, ${a.timedOut} timed out; longest outage ${a.longestOutageMs} ms; by backend ${JSON.stringify(a.byBackend)})`;
  if (a.total < MIN_REQUESTS_FOR_A_VERDICT) return { valid: 'unknown', summary: `inconclusive: only ${a.total} requests were sent (at least ${MIN_REQUESTS_FOR_A_VERDICT} are needed); ${summary}` };
  return { valid: a.ratio >= minRatio, summary } as Verdict;
}
