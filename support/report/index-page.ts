// reports/index.html: one self-contained page (no CDN, no script). At the top the run at a glance (scenario
// counts, invariant verdicts, where the suite's time went, profile, seed, commit); then every scenario, failed
// ones first, as one picture (see scenario-picture.ts); then the recovery table, the invariants and run.json.
import { RecoveryRecord, observedShort } from './recovery-record';
import { ScenarioTimeline } from './scenario-timeline';
import { InvariantRow } from './scenario-verdicts';
import { FAULT_KINDS } from '../faults/fault-kinds';
import { esc, scenarioPicture } from './scenario-picture';
import { runProfile } from './run-metadata';

export interface RunMetadata { [key: string]: unknown }

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

/** The run at a glance: counts, verdicts, the suite's time by kind of step, and what the numbers depend on. */
export function glanceSection(timelines: readonly ScenarioTimeline[], meta: RunMetadata, invariants: readonly InvariantRow[]): string {
  const count = (status: string) => timelines.filter((t) => t.status === status).length;
  const passed = count('PASSED');
  const skipped = count('SKIPPED');
  const failed = timelines.length - passed - skipped;
  const sum = (k: 'fleetMs' | 'givenMs' | 'whenMs' | 'withinMs' | 'thenMs') => timelines.reduce((a, t) => a + (t.steps?.[k] ?? 0), 0);
  const total = timelines.reduce((a, t) => a + t.durationMs, 0);
  const split = [['fleet builds and resets', sum('fleetMs')], ['other Given steps', sum('givenMs')], ['faults and changes (When)', sum('whenMs')], ['awaited recoveries (Then within …)', sum('withinMs')], ['other checks (Then)', sum('thenMs')]] as const;
  const other = Math.max(0, total - split.reduce((a, [, ms]) => a + ms, 0));
  const bar = [...split, ['hooks: judging, healing, diagnostics', other] as const].map(([name, ms], i) =>
    `<span class="part" style="width:${((ms / Math.max(total, 1)) * 100).toFixed(2)}%;background:${['#90caf9', '#ce93d8', '#ef9a9a', '#a5d6a7', '#fff59d', '#e0e0e0'][i]}" title="${esc(name)}: ${(ms / 1000).toFixed(1)} s"></span>`);
  const legend = [...split, ['hooks: judging, healing, diagnostics', other] as const].map(([name, ms]) => `${esc(name)} ${(ms / 1000).toFixed(1)} s`).join(' · ');
  const invalid = invariants.filter((r) => r.verdict === 'invalid' && !r.expected).length;
  const expected = invariants.filter((r) => r.verdict === 'invalid' && r.expected).length;
  const unknown = invariants.filter((r) => r.verdict === 'unknown').length;
  const workers = (meta.workers as { timing?: { name?: string }; seed?: number }[] | undefined) ?? [];
  const profile = runProfile(meta);
  const seeds = workers.map((w) => w.seed).filter((x) => x !== undefined).join(', ');
  const commit = String(meta.commit ?? 'unknown').slice(0, 12);
  return `<section class="glance"><p class="counts"><b class="${failed ? 'bad' : 'good'}">${passed} passed, ${failed} failed, ${skipped} skipped</b>
 · invariants: ${invariants.length - invalid - expected - unknown} valid, <span class="${invalid ? 'bad' : ''}">${invalid} invalid</span>, ${expected} invalid as the scenario set out to show, ${unknown} unknown
 · profile ${esc(profile)} · seed ${esc(seeds || '-')} · commit <code>${esc(commit)}</code></p>
<p>Scenario time ${(total / 1000).toFixed(1)} s:</p><div class="split">${bar.join('')}</div><p class="small">${legend}</p></section>`;
}

function scenarioSection(t: ScenarioTimeline): string {
  const ok = t.requests.filter((r) => r.outcome === 'ok').length;
  const traffic = t.requests.length ? ` · requests: ${ok} of ${t.requests.length} ok` : '';
  const diagnostics = t.diagnostics ? ` · <a href="${esc(t.diagnostics)}/">diagnostics</a>` : '';
  return `<section class="scenario ${t.status.toLowerCase()}"><h3>${esc(t.scenario)} <small>${esc(t.feature)} — ${esc(t.status)}, ${(t.durationMs / 1000).toFixed(1)} s${t.engine ? `, on ${esc(t.engine)}` : ''}${traffic}${diagnostics}</small></h3>${scenarioPicture(t)}</section>`;
}

/** Failed scenarios first, then the rest in the order they ran. */
export function orderScenarios(timelines: readonly ScenarioTimeline[]): ScenarioTimeline[] {
  const failed = (t: ScenarioTimeline) => t.status !== 'PASSED' && t.status !== 'SKIPPED';
  return [...timelines.filter(failed), ...timelines.filter((t) => !failed(t))];
}

export const PAGE_STYLE = `body{font:14px system-ui,sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
tr.missed td{color:#c62828;font-weight:bold}section{margin:1.5em 0}h3 small{color:#666;font-weight:normal}.legend span{margin-right:1em}
.bad{color:#c62828}.good{color:#2e7d32}.split{display:flex;height:14px;width:100%;border:1px solid #ccc}.split .part{display:block;height:100%}.small{font-size:12px;color:#555}
section.scenario.failed h3{color:#c62828}`;

/** One scenario alone, with the legend: what the screenshot shows. */
export function scenarioPage(t: ScenarioTimeline): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(t.scenario)}</title><style>${PAGE_STYLE}</style></head>
<body>${legend()}${scenarioSection(t)}</body></html>
`;
}

function legend(): string {
  const faultLegend = FAULT_KINDS.map((k) => `<span style="color:${k.colour}">■ ${esc(k.kind)}</span>`).join('');
  return `<p class="legend small">Lanes — member: <span style="color:#1565c0">■ leader</span><span style="color:#90caf9">■ follower</span><span style="color:#e53935">■ no answer</span> · node: <span style="color:#1565c0">■ Jetty leader</span><span style="color:#81c784">■ registered</span><span style="color:#ffb74d">■ unregistered</span> (label: config version, ZooKeeper state unless connected) · gateway: backends routed to.
Recoveries: <span style="color:#2e7d32">| met</span> <span style="color:#c62828">¦ missed</span> · violations: <span style="color:#c62828">◆</span> (<span style="color:#6a1b9a">◆</span> expected) · latency (log scale): <span style="color:#2e7d32">● ok</span> <span style="color:#e53935">● failed</span> <span style="color:#fb8c00">● no answer</span>.
Faults: ${faultLegend}</p>`;
}

export function renderIndex(timelines: ScenarioTimeline[], recoveries: RecoveryRecord[], meta: RunMetadata, invariants: readonly InvariantRow[] = [], extra = ''): string {
  const rows = recoveries.map((r) => `<tr class="${r.met ? 'met' : 'missed'}"><td>${r.met ? 'met' : 'MISSED'}</td><td>${r.measuredMs ?? 'never'}</td><td>${r.deadlineMs}</td><td>${r.windowMs ?? '-'}</td><td title="${esc(r.observedBy)}">${esc(observedShort(r.observedBy))}</td><td>${esc(r.scenario)}</td><td>${esc(r.step)}</td></tr>`);
  const metaRows = Object.entries(meta).map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code></td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>zkharness report</title>
<style>${PAGE_STYLE}</style></head>
<body><h1>zkharness report</h1>
<p><a href="cucumber.html">cucumber report</a> · <a href="junit.xml">junit.xml</a> · <a href="recovery.json">recovery.json</a> · <a href="invariants.json">invariants.json</a> · <a href="run.json">run.json</a> · <a href="runs/index.html">past runs</a></p>
${glanceSection(timelines, meta, invariants)}
${extra}
<h2>Scenarios</h2>
${legend()}
${orderScenarios(timelines).map(scenarioSection).join('\n')}
${invariantsSection(invariants)}
<h2>Recovery times (ms)</h2>
<p>Measured from the end of the last fault step to the first observation that was true; the window is how far apart the last false and first true observations were. "watch": judged on every snapshot of a ZooKeeper watch (the window runs from the notification to the read that confirmed it); "poll": observed every 50 ms; "poll+watch": polled, and probed at once when a watch fired. Hover for the full description.</p>
<table><tr><th></th><th>measured</th><th>deadline</th><th>window</th><th>by</th><th>scenario</th><th>step</th></tr>${rows.join('')}</table>
<h2>Run</h2><table>${metaRows.join('')}</table>
</body></html>
`;
}
