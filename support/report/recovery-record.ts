// One row of reports/recovery.json: what a `within` step awaited, its deadline and what was measured.
import { Measurement } from '../../containers/shared/deadline';

export interface RecoveryRecord {
  readonly scenario: string;
  readonly feature: string;
  readonly step: string;
  readonly deadlineMs: number;
  readonly measuredMs: number | null;
  readonly met: boolean;
  readonly lastFalseMs: number | null;
  readonly firstTrueMs: number | null;
  /** firstTrueMs - lastFalseMs: how precisely the moment of recovery is known. */
  readonly windowMs: number | null;
  readonly lastSeen: string;
  readonly profile: string;
  /** How the condition was observed: ZooKeeper watches plus polling, or polling alone. */
  readonly observedBy: string;
  /**
   * How long the last fault step took (null without one). measuredMs counts from its end, as DESIGN defines it;
   * a kill's end is the engine's answer, which comes 0.35-0.65 s after the process died (the engine first tears
   * the container down), so measuredMs + faultStepMs is the upper bound of the time since the fault began.
   */
  readonly faultStepMs: number | null;
  readonly at: string;
}

const round = (v: number | null) => (v === null ? null : Math.round(v));

export function toRecord(m: Measurement, context: { scenario: string; feature: string; step: string; profile: string; observedBy: string; faultStepMs: number | null }): RecoveryRecord {
  return {
    ...context,
    faultStepMs: round(context.faultStepMs),
    deadlineMs: m.deadlineMs,
    measuredMs: round(m.measuredMs),
    met: m.met,
    lastFalseMs: round(m.lastFalseMs),
    firstTrueMs: round(m.firstTrueMs),
    windowMs: m.firstTrueMs !== null && m.lastFalseMs !== null ? Math.round(m.firstTrueMs - m.lastFalseMs) : null,
    lastSeen: m.lastSeen,
    at: new Date().toISOString(),
  };
}

/**
 * A short name for how a row was observed, for tables: decided by a watch's snapshot, by a 50 ms poll (an
 * observer's or a write probe's), or already true when the fault began.
 */
export function observedShort(observedBy: string): string {
  const by = observedBy.replace(/^history: /, '');
  if (by.startsWith('already true')) return 'before';
  if (by.startsWith('watch')) return by.includes('reconnection') ? 'watch*' : 'watch';
  return observedBy.includes('woken') ? 'poll+watch' : 'poll';
}

export function recoveryTable(records: readonly RecoveryRecord[]): string {
  if (records.length === 0) return 'recovery: no `within` steps ran';
  const rows = records.map((r) => [
    r.met ? 'met' : 'MISSED',
    r.measuredMs === null ? 'never' : `${r.measuredMs} ms`,
    `${r.deadlineMs} ms`,
    r.windowMs === null ? '-' : `${r.windowMs} ms`,
    observedShort(r.observedBy),
    `${r.scenario} — ${r.step}`,
  ]);
  const header = ['', 'measured', 'deadline', 'window', 'by', 'scenario — step'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const legend = 'window: first seen true minus last seen false; by: the observation that decided it — watch = a ZooKeeper watch\'s snapshot (watch* across a reconnection), poll = an observer or write probe every 50 ms, before = already true when the fault began';
  return ['recovery times:', line(header), ...rows.map(line), legend].join('\n');
}
