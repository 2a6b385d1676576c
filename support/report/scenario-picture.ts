// One scenario as one picture on one time axis (self-contained SVG, readable without script): labelled fault
// spans, a lane per ZooKeeper member, node and the gateway, each awaited recovery with its deadline, where a
// checker found the history invalid, and every request's latency on a log scale (Jepsen's latency-raw plot)
// with the faults shaded behind it. Hovering any mark shows its <title>.
import { ScenarioTimeline, TimelineFault } from './scenario-timeline';
import { Lane } from './scenario-lanes';
import { faultColour } from '../faults/fault-kinds';

export const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

const WIDTH = 960;
const LEFT = 96;
const RIGHT = WIDTH - 12;
const ROW = 15;
const LANE = 16;
const PLOT = 110;

const STATE_COLOURS: Record<string, string> = {
  leader: '#1565c0', follower: '#90caf9', standalone: '#64b5f6', registered: '#81c784', unregistered: '#ffb74d',
  routing: '#81c784', empty: '#ffb74d', down: '#e53935', other: '#bdbdbd',
};
const OUTCOME_COLOURS = { ok: '#2e7d32', fail: '#e53935', info: '#fb8c00' } as const;

/**
 * Stacks fault spans into rows so that none overlaps another in its row; `labelMs` is how much of the axis a
 * fault's label takes, so that an instant fault (a kill) keeps room for its label beside it.
 */
export function faultRows(faults: readonly TimelineFault[], span: number, labelMs: (f: TimelineFault) => number = () => 0): number[] {
  const rowEnds: number[] = [];
  return faults.map((f) => {
    const end = Math.max(f.endMs ?? span, f.startMs + labelMs(f));
    let row = rowEnds.findIndex((e) => e <= f.startMs);
    if (row < 0) row = rowEnds.push(end) - 1;
    else rowEnds[row] = end;
    return row;
  });
}

/** Latency on a log axis from 1 ms to the first power of ten above the slowest request (at least 1 s). */
export function latencyScale(latencies: readonly number[], height: number): { y: (ms: number) => number; decades: number[] } {
  const top = Math.max(1000, ...latencies.map((l) => 10 ** Math.ceil(Math.log10(Math.max(l, 1)))));
  const decades = Array.from({ length: Math.round(Math.log10(top)) + 1 }, (_, i) => 10 ** i);
  const y = (ms: number) => height - (Math.log10(Math.min(Math.max(ms, 1), top)) / Math.log10(top)) * height;
  return { y, decades };
}

function laneRow(lane: Lane, top: number, x: (ms: number) => number): string {
  const segments = lane.segments.map((s) => {
    const x0 = x(s.startMs);
    const w = Math.max(x(s.endMs) - x0, 1);
    const text = w > 6 * s.label.length ? `<text x="${(x0 + 3).toFixed(1)}" y="${top + 11.5}" font-size="9" fill="${s.state === 'leader' || s.state === 'down' ? '#fff' : '#222'}">${esc(s.label)}</text>` : '';
    return `<rect x="${x0.toFixed(1)}" y="${top + 1}" width="${w.toFixed(1)}" height="${LANE - 2}" fill="${STATE_COLOURS[s.state] ?? '#bdbdbd'}"><title>${esc(lane.name)}: ${esc(s.label)} from ${Math.round(s.startMs)} to ${Math.round(s.endMs)} ms</title></rect>${text}`;
  });
  return `<g class="lane" data-lane="${esc(lane.name)}"><text x="4" y="${top + 11.5}" font-size="10">${esc(lane.name)}</text>${segments.join('')}</g>`;
}

export function scenarioPicture(t: ScenarioTimeline): string {
  const span = Math.max(t.durationMs, 1);
  // The fleet's build or reset comes before anything is observed: the picture starts just before the observers.
  const from = Math.min(Math.max(0, (t.observedFromMs ?? 0) - 300), span - 1);
  const x = (ms: number) => LEFT + ((Math.max(from, Math.min(ms, span)) - from) / (span - from)) * (RIGHT - LEFT);
  const parts: string[] = [];
  let y = 4;

  // Faults: labelled spans, stacked so that none hides another.
  const label = (f: TimelineFault) => `${f.kind} ${f.targets.join(', ')}`;
  const labelPx = (f: TimelineFault) => 5.2 * label(f).length + 8;
  const rows = faultRows(t.faults, span, (f) => (labelPx(f) / (RIGHT - LEFT)) * (span - from));
  const faultTop = y;
  const faultRowCount = rows.length ? Math.max(...rows) + 1 : 0;
  t.faults.forEach((f, i) => {
    const x0 = x(f.startMs);
    const w = Math.max(x(f.endMs ?? span) - x0, 2);
    const top = faultTop + rows[i]! * ROW;
    // A label that fits goes inside its span; otherwise beside it (the rows leave room for that).
    const inside = w >= labelPx(f);
    parts.push(`<g class="fault"><rect x="${x0.toFixed(1)}" y="${top}" width="${w.toFixed(1)}" height="${ROW - 2}" fill="${faultColour(f.kind)}" fill-opacity="0.8"/>` +
      `<text class="fault-label" x="${(inside ? x0 + 3 : x0 + w + 2).toFixed(1)}" y="${top + 10}" font-size="9" fill="${inside ? '#fff' : '#333'}">${esc(label(f))}</text>` +
      `<title>${esc(label(f))}: ${Math.round(f.startMs)}–${f.endMs === null ? 'end' : Math.round(f.endMs)} ms</title></g>`);
  });
  if (faultRowCount) parts.unshift(`<text x="4" y="${faultTop + 10}" font-size="10" font-weight="bold">faults</text>`);
  y += faultRowCount * ROW + 4;

  const lanes = t.lanes ?? [];
  const lanesTop = y;
  lanes.forEach((lane, i) => parts.push(laneRow(lane, lanesTop + i * LANE, x)));
  y += lanes.length * LANE + 4;

  // Violations: where a checker found the history invalid (expected ones in purple, others in red).
  const violations = t.violations ?? [];
  if (violations.length) {
    parts.push(`<text x="4" y="${y + 11}" font-size="10" font-weight="bold">violations</text>`);
    for (const v of violations) {
      const colour = v.expected ? '#6a1b9a' : '#c62828';
      const x0 = x(v.atMs);
      const w = v.untilMs !== undefined ? Math.max(x(v.untilMs) - x0, 3) : 0;
      parts.push(`<g class="violation">${w ? `<rect x="${x0.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="11" fill="${colour}" fill-opacity="0.35"/>` : ''}` +
        `<path d="M${x0.toFixed(1)} ${y + 1}l5 6.5-5 6.5-5-6.5z" fill="${colour}"/><title>${esc(v.invariant)}${v.expected ? ' (expected)' : ''} at ${Math.round(v.atMs)} ms: ${esc(v.detail)}</title></g>`);
    }
    y += ROW + 2;
  }

  // Latency of every request, log scale, faults shaded behind.
  let plotTop = y;
  if (t.requests.length) {
    plotTop = y + 6;
    const { y: ly, decades } = latencyScale(t.requests.map((r) => r.endMs - r.startMs), PLOT);
    for (const f of t.faults) parts.push(`<rect x="${x(f.startMs).toFixed(1)}" y="${plotTop}" width="${Math.max(x(f.endMs ?? span) - x(f.startMs), 1).toFixed(1)}" height="${PLOT}" fill="${faultColour(f.kind)}" fill-opacity="0.12"/>`);
    const ticks = decades.map((d) => `<line x1="${LEFT}" x2="${RIGHT}" y1="${(plotTop + ly(d)).toFixed(1)}" y2="${(plotTop + ly(d)).toFixed(1)}" stroke="#eee"/><text x="${LEFT - 4}" y="${(plotTop + ly(d) + 3).toFixed(1)}" font-size="9" text-anchor="end">${d >= 1000 ? `${d / 1000} s` : `${d} ms`}</text>`);
    const dots = t.requests.map((r) => `<circle cx="${x(r.startMs).toFixed(1)}" cy="${(plotTop + ly(r.endMs - r.startMs)).toFixed(1)}" r="1.6" fill="${OUTCOME_COLOURS[r.outcome]}"/>`);
    parts.push(`<g class="latency"><text x="4" y="${plotTop + 10}" font-size="10" font-weight="bold">latency</text>${ticks.join('')}${dots.join('')}</g>`);
    y = plotTop + PLOT + 4;
  }

  // Recoveries: when each awaited condition came true (green) or its deadline passed (red), across the lanes;
  // labels that would overlap go to the next row.
  const labelRowEnds: number[] = [];
  for (const r of t.recoveries) {
    if (r.atMs === null) continue;
    const colour = r.met ? '#2e7d32' : '#c62828';
    const xr = x(r.atMs);
    const text = `${r.met ? `${r.measuredMs} ms` : 'missed'} ≤ ${r.deadlineMs / 1000} s`;
    const half = 2.6 * text.length;
    const xl = Math.min(Math.max(xr, LEFT + half), RIGHT - half); // the label stays inside the picture
    let row = labelRowEnds.findIndex((end) => end < xl - half);
    if (row < 0) row = labelRowEnds.push(0) - 1;
    labelRowEnds[row] = xl + half;
    parts.push(`<g class="recovery"><line x1="${xr.toFixed(1)}" x2="${xr.toFixed(1)}" y1="${lanesTop}" y2="${y + row * 11}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${r.met ? '' : '3 2'}"/>` +
      `<text x="${xl.toFixed(1)}" y="${y + 10 + row * 11}" font-size="9" fill="${colour}" text-anchor="middle">${esc(text)}</text>` +
      `<title>${esc(r.step)}: ${r.met ? `${r.measuredMs} ms` : 'not met'} (deadline ${r.deadlineMs} ms)</title></g>`);
  }
  y += labelRowEnds.length * 11 + 4;

  // Time axis.
  const step = niceStep(span - from);
  const ticks: string[] = [];
  if (from > 0) ticks.push(`<text x="4" y="${y + 14}" font-size="9" fill="#666">from ${(from / 1000).toFixed(1)} s</text>`);
  for (let ms = Math.ceil(from / step) * step; ms <= span; ms += step) ticks.push(`<line x1="${x(ms).toFixed(1)}" x2="${x(ms).toFixed(1)}" y1="${y}" y2="${y + 4}" stroke="#999"/><text x="${x(ms).toFixed(1)}" y="${y + 14}" font-size="9" text-anchor="middle">${(ms / 1000).toFixed(step < 1000 ? 1 : 0)} s</text>`);
  parts.push(`<g class="axis"><line x1="${LEFT}" x2="${RIGHT}" y1="${y}" y2="${y}" stroke="#999"/>${ticks.join('')}</g>`);
  y += 18;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="scenario-picture" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" role="img" aria-label="timeline of ${esc(t.scenario)}">${parts.join('')}</svg>`;
}

/** A tick every 1, 2, 5, 10, … seconds: about eight ticks across. */
export function niceStep(spanMs: number): number {
  for (const s of [250, 500, 1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000]) if (spanMs / s <= 10) return s;
  return 600_000;
}
