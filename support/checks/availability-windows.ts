// Availability and latency of gateway requests per fault window: what a fault cost, and how quickly service came
// back after it. Windows: 'steady' (before the first fault), then for each fault 'during …' (start to end) and
// 'after …' (end to the next fault's start). Only the steady window is judged: the scenario verified the fleet
// steady before its first fault, so any failure there is a violation; the other windows are figures for the
// report (a scenario states its own bound with "Then 99% of requests …").
import { HistoryEvent, NemesisEvent } from '../history/events';
import { Checker, CheckerVerdict, Evidence } from './checker';
import { historyEnd, ms, operations, Operation } from './observer-gaps';

export interface WindowFigures {
  readonly name: string;
  readonly fromMs: number;
  readonly untilMs: number;
  readonly total: number;
  readonly ok: number;
  readonly fail: number;
  readonly info: number;
  /** ok / total; 1 for a window without requests. */
  readonly ratio: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /** First start to last completion of the longest run of consecutive non-ok requests (by start time). */
  readonly longestOutageMs: number;
}

interface Window { readonly name: string; readonly fromMs: number; readonly untilMs: number }

/** The fault windows of a history, in order of their start. */
export function faultWindows(history: readonly HistoryEvent[]): Window[] {
  const start = history.length ? history[0]!.t : 0, end = historyEnd(history);
  const nemesis = history.filter((e): e is NemesisEvent => e.kind === 'nemesis');
  const starts = nemesis.filter((e) => e.phase === 'start');
  const windows: Window[] = [{ name: 'steady', fromMs: start, untilMs: starts[0]?.t ?? end }];
  for (const s of starts) {
    const label = `${s.fault} ${s.targets.join(',')}`.trim();
    const stop = nemesis.find((e) => e.phase === 'end' && e.faultId === s.faultId);
    windows.push({ name: `during ${label}`, fromMs: s.t, untilMs: stop?.t ?? end });
    if (stop) windows.push({ name: `after ${label}`, fromMs: stop.t, untilMs: starts.find((n) => n.t >= stop.t && n !== s)?.t ?? end });
  }
  return windows;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  return sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! : null;
}

function figuresOf(w: Window, requests: readonly Operation[]): WindowFigures {
  const count = (type: string) => requests.filter((r) => r.completion!.type === type).length;
  const latencies = requests.map((r) => r.completion!.t - r.invoke.t).sort((a, b) => a - b);
  let longest = 0, runStart: number | null = null, runEnd = 0;
  for (const r of requests) { // already in start order
    if (r.completion!.type === 'ok') { runStart = null; continue; }
    runStart ??= r.invoke.t;
    runEnd = Math.max(runEnd, r.completion!.t);
    longest = Math.max(longest, runEnd - runStart);
  }
  const ok = count('ok');
  const round = (x: number | null) => (x === null ? null : Math.round(x));
  return {
    ...w, total: requests.length, ok, fail: count('fail'), info: count('info'), ratio: requests.length ? ok / requests.length : 1,
    p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), maxMs: round(latencies[latencies.length - 1] ?? null), longestOutageMs: Math.round(longest),
  };
}

export const availabilityWindows: Checker = {
  id: 'availability',
  describe: 'Per fault window (steady, during and after each fault) the share of gateway requests that succeeded and their latency; every request that began and ended before the first fault began succeeded.',
  check(history): CheckerVerdict {
    const all = operations(history, 'request', 'traffic');
    const requests = all.filter((r) => r.completion !== null).sort((a, b) => a.invoke.t - b.invoke.t);
    const pending = all.length - requests.length; // still in flight when the history ended: not judged
    if (requests.length === 0) return { invariant: this.id, valid: true, summary: 'nothing to judge: no traffic', evidence: [], figures: { windows: [], pending } };
    const end = historyEnd(history);
    // A request belongs to the window its start falls in, [from, until); the last instant of the history too.
    const inWindow = (w: Window, t: number) => t >= w.fromMs && (t < w.untilMs || (t === end && w.untilMs === end));
    const windows = faultWindows(history).map((w) => figuresOf(w, requests.filter((r) => inWindow(w, r.invoke.t))));
    const steady = windows[0]!;
    // Judged: what both began and ended before the first fault began (a request in flight when it struck is the fault's).
    const failedSteady = requests.filter((r) => inWindow(steady, r.invoke.t) && r.completion!.t < steady.untilMs && r.completion!.type !== 'ok');
    const evidence: Evidence[] = failedSteady.map((r) => ({
      atMs: r.invoke.t, untilMs: r.completion!.t, participants: [typeof r.completion!.value?.['backend'] === 'string' ? r.completion!.value['backend'] as string : 'gateway'],
      detail: `request #${r.invoke.id} started at ${ms(r.invoke.t)} ${r.completion!.type === 'fail' ? 'failed' : 'got no answer (info)'} after ${Math.round(r.completion!.t - r.invoke.t)} ms before any fault${describeError(r)}`,
    }));
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const faulted = windows.slice(1).filter((w) => w.total > 0);
    const worst = faulted.length ? faulted.reduce((a, b) => (b.ratio < a.ratio ? b : a)) : null;
    const summary = `${requests.length} requests: steady ${steady.ok}/${steady.total} ok${worst ? `; worst window "${worst.name}" ${pct(worst.ratio)} ok, longest outage ${worst.longestOutageMs} ms` : ''}${pending ? `; ${pending} unfinished at the end, not judged` : ''}`;
    const figures = { windows, pending };
    if (failedSteady.length) return { invariant: this.id, valid: false, summary: `${failedSteady.length} request(s) failed before any fault; ${summary}`, evidence, figures };
    return { invariant: this.id, valid: true, summary, evidence: [], figures };
  },
};

function describeError(r: Operation): string {
  const v = r.completion!.value ?? {};
  const parts = [v['status'] != null ? `status ${String(v['status'])}` : '', v['error'] ? String(v['error']) : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
