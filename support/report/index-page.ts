// reports/index.html: one self-contained page (no CDN, no script) with the recovery table and, per scenario,
// an SVG timeline: faults as shaded spans, recoveries as markers, requests as ticks coloured by outcome.
import { RecoveryRecord, observedShort } from './recovery-record';
import { ScenarioTimeline } from './scenario-timeline';
import { InvariantRow } from './scenario-verdicts';
import { faultColour } from '../faults/fault-kinds';

export interface RunMetadata { [key: string]: unknown }

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

const WIDTH = 900;

export function timelineSvg(t: ScenarioTimeline): string {
  const span = Math.max(t.durationMs, 1);
  const x = (ms: number) => ((Math.max(0, Math.min(ms, span)) / span) * (WIDTH - 20) + 10).toFixed(1);
  const faultRows = t.faults.map((f, i) => {
    const end = f.endMs ?? span;
    const width = Math.max(Number(x(end)) - Number(x(f.startMs)), 2).toFixed(1);
    const colour = faultColour(f.kind);
    return `<rect class="fault" x="${x(f.startMs)}" y="${18 + (i % 4) * 12}" width="${width}" height="10" fill="${colour}" fill-opacity="0.55"><title>${esc(f.kind)} ${esc(f.targets.join(', '))}: ${Math.round(f.startMs)}–${f.endMs === null ? 'end' : Math.round(f.endMs)} ms</title></rect>`;
  });
  const recoveries = t.recoveries.filter((r) => r.atMs !== null).map((r) =>
    `<g class="recovery"><line x1="${x(r.atMs!)}" x2="${x(r.atMs!)}" y1="10" y2="86" stroke="${r.met ? '#2e7d32' : '#c62828'}" stroke-width="2"/><title>${esc(r.step)}: ${r.measuredMs} ms (deadline ${r.deadlineMs} ms)</title></g>`);
  const requests = t.requests.map((r) =>
    `<rect class="request ${r.outcome}" x="${x(r.startMs)}" y="${r.outcome === 'ok' ? 74 : 66}" width="1.5" height="8" fill="${r.outcome === 'ok' ? '#43a047' : r.outcome === 'info' ? '#fb8c00' : '#e53935'}"/>`);
  const axis = `<line x1="10" x2="${WIDTH - 10}" y1="88" y2="88" stroke="#999"/><text x="10" y="100" font-size="10">0 s</text><text x="${WIDTH - 10}" y="100" font-size="10" text-anchor="end">${(span / 1000).toFixed(1)} s</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="104" viewBox="0 0 ${WIDTH} 104" role="img" aria-label="timeline of ${esc(t.scenario)}">${faultRows.join('')}${requests.join('')}${recoveries.join('')}${axis}</svg>`;
}

/** The invariant verdicts: a table of counts per invariant, then every row that is not plainly valid. */
export function invariantsSection(rows: readonly InvariantRow[]): string {
  if (!rows.length) return '';
  const ids = [...new Set(rows.map((r) => r.invariant))];
  const count = (id: string, verdict: string) => rows.filter((r) => r.invariant === id && r.verdict === verdict).length;
  const summary = ids.map((id) => `<tr><td>${esc(id)}</td><td>${count(id, 'valid')}</td><td class="${rows.some((r) => r.invariant === id && r.verdict === 'invalid' && !r.expected) ? 'missed' : ''}">${count(id, 'invalid')}</td><td>${count(id, 'unknown')}</td></tr>`);
  const notable = rows.filter((r) => r.verdict !== 'valid').map((r) => {
    const evidence = r.evidence.slice(0, 3).map((e) => `${Math.round(e.atMs)} ms [${e.participants.join(', ')}]: ${e.detail}`).join('<br>');
    return `<tr class="${r.verdict === 'invalid' && !r.expected ? 'missed' : ''}"><td>${esc(r.verdict)}${r.expected ? ' (expected)' : ''}</td><td>${esc(r.invariant)}</td><td>${esc(r.scenario)}</td><td>${esc(r.summary)}<br><small>${esc(evidence).replace(/&lt;br&gt;/g, '<br>')}</small></td><td><a href="${esc(r.history)}">history</a></td></tr>`;
  });
  return `<h2>Invariants</h2>
<p>Every fleet scenario's history is judged by every default checker (reports/invariants.json). Invalid fails the scenario unless the scenario set out to show it; unknown means an observer's record had a gap longer than it can vouch for.</p>
<table><tr><th>invariant</th><th>valid</th><th>invalid</th><th>unknown</th></tr>${summary.join('')}</table>
${notable.length ? `<table><tr><th>verdict</th><th>invariant</th><th>scenario</th><th>evidence</th><th></th></tr>${notable.join('')}</table>` : ''}`;
}

export function renderIndex(timelines: ScenarioTimeline[], recoveries: RecoveryRecord[], meta: RunMetadata, invariants: readonly InvariantRow[] = []): string {
  const rows = recoveries.map((r) => `<tr class="${r.met ? 'met' : 'missed'}"><td>${r.met ? 'met' : 'MISSED'}</td><td>${r.measuredMs ?? 'never'}</td><td>${r.deadlineMs}</td><td>${r.windowMs ?? '-'}</td><td title="${esc(r.observedBy)}">${esc(observedShort(r.observedBy))}</td><td>${esc(r.scenario)}</td><td>${esc(r.step)}</td></tr>`);
  const scenarios = timelines.map((t) => {
    const ok = t.requests.filter((r) => r.outcome === 'ok').length;
    const traffic = t.requests.length ? `<p>requests: ${ok} of ${t.requests.length} ok</p>` : '';
    return `<section class="scenario ${t.status.toLowerCase()}"><h3>${esc(t.scenario)} <small>${esc(t.feature)} — ${esc(t.status)}, ${(t.durationMs / 1000).toFixed(1)} s${t.engine ? `, on ${esc(t.engine)}` : ''}</small></h3>${timelineSvg(t)}${traffic}</section>`;
  });
  const metaRows = Object.entries(meta).map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code></td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>zkharness report</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
tr.missed td{color:#c62828;font-weight:bold}section{margin:1.5em 0}h3 small{color:#666;font-weight:normal}.legend span{margin-right:1em}</style></head>
<body><h1>zkharness report</h1>
<p><a href="cucumber.html">cucumber report</a> · <a href="junit.xml">junit.xml</a> · <a href="recovery.json">recovery.json</a> · <a href="invariants.json">invariants.json</a> · <a href="run.json">run.json</a></p>
${invariantsSection(invariants)}
<h2>Recovery times (ms)</h2>
<p>Measured from the end of the last fault step to the first observation that was true; the window is how far apart the last false and first true observations were. "watch": judged on every snapshot of a ZooKeeper watch (the window runs from the notification to the read that confirmed it); "poll": observed every 50 ms; "poll+watch": polled, and probed at once when a watch fired. Hover for the full description.</p>
<table><tr><th></th><th>measured</th><th>deadline</th><th>window</th><th>by</th><th>scenario</th><th>step</th></tr>${rows.join('')}</table>
<h2>Timelines</h2>
<p class="legend"><span style="color:#d9534f">■ kill</span><span style="color:#f0ad4e">■ stop</span><span style="color:#9b59b6">■ pause</span><span style="color:#607d8b">■ network</span><span style="color:#2e7d32">| recovery met</span><span style="color:#c62828">| missed</span><span style="color:#43a047">▮ ok</span><span style="color:#e53935">▮ failed</span><span style="color:#fb8c00">▮ timed out</span></p>
${scenarios.join('\n')}
<h2>Run</h2><table>${metaRows.join('')}</table>
</body></html>
`;
}
