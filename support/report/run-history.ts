// Past runs: each run's reports are kept in reports/runs/<run id>/ with a summary.json (counts, duration,
// profile, commit and the main recovery figures); reports/runs/index.html lists them with a trend per figure,
// and a figure that got slower than its recent history by more than the noise is flagged. The top level of
// reports/ keeps holding the latest run exactly as before.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecoveryRecord } from './recovery-record';
import { ScenarioTimeline } from './scenario-timeline';
import { PAGE_STYLE } from './index-page';
import { esc } from './scenario-picture';
import { runProfile } from './run-metadata';
import { quantile } from '../checks/availability';

/** What a test run leaves at the top of reports/ when it replaces the latest run: the past runs and the bench's files. */
export function keptAcrossRuns(entry: string): boolean {
  return entry === 'runs' || /^bench(-[a-z]+)?\.json$/.test(entry) || entry === 'observer-cost.json';
}

export interface RunSummary {
  runId: string;
  startedAt: string;
  durationMs: number;
  commit: string;
  profile: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Figure name → ms (the median when a run measured it more than once). */
  figures: Record<string, number>;
}

/** The recovery figures followed across runs: which scenario's which `within` step measures each. */
export const TREND_FIGURES: readonly { name: string; scenario: RegExp; step: RegExp }[] = [
  { name: 'ZooKeeper leader loss → writes accepted', scenario: /^The ZooKeeper leader is killed$/, step: /the ensemble has a leader and accepts writes/ },
  { name: 'node crash → deregistered', scenario: /^A crashed node leaves the registry/, step: /is no longer registered/ },
  { name: 'Jetty leader handover', scenario: /^The Jetty leader crashes and a new one is elected$/, step: /a new Jetty leader is elected/ },
  { name: 'config propagation', scenario: /^A config change reaches every node$/, step: /runs config version/ },
];
export const FLEET_READY = 'fleet ready (median boot)';

const median = (xs: readonly number[]) => quantile(xs, 0.5);

export function summarize(runId: string, startedAt: Date, finishedAt: Date, timelines: readonly ScenarioTimeline[], records: readonly RecoveryRecord[], meta: Record<string, unknown>): RunSummary {
  const figures: Record<string, number> = {};
  for (const f of TREND_FIGURES) {
    const measured = records.filter((r) => r.met && r.measuredMs !== null && f.scenario.test(r.scenario) && f.step.test(r.step)).map((r) => r.measuredMs!);
    if (measured.length) figures[f.name] = Math.round(median(measured));
  }
  const workers = (meta.workers as { builds?: { fleetReadyMs: number }[]; timing?: { name?: string } }[] | undefined) ?? [];
  const boots = workers.flatMap((w) => w.builds ?? []).map((b) => b.fleetReadyMs).filter(Number.isFinite);
  if (boots.length) figures[FLEET_READY] = Math.round(median(boots));
  const count = (status: string) => timelines.filter((t) => t.status === status).length;
  return {
    runId, startedAt: startedAt.toISOString(), durationMs: finishedAt.getTime() - startedAt.getTime(),
    commit: String(meta.commit ?? 'unknown'), profile: runProfile(meta),
    passed: count('PASSED'), skipped: count('SKIPPED'), failed: timelines.length - count('PASSED') - count('SKIPPED'), figures,
  };
}

export interface Regression { figure: string; latestMs: number; medianMs: number; noiseMs: number; runs: number }

/**
 * A figure is slower than its recent history when it exceeds the median of the last (up to) 10 runs of the same
 * timing profile by more than the noise: the larger of 3 scaled median absolute deviations (a robust stand-in for
 * 3 standard deviations), 20% of the median, and 100 ms (two poll periods: below that the measurement can't
 * tell). At least 3 earlier runs are needed before anything is judged.
 */
export function regressions(earlier: readonly RunSummary[], latest: RunSummary): Regression[] {
  const out: Regression[] = [];
  for (const [figure, latestMs] of Object.entries(latest.figures)) {
    const past = earlier.filter((r) => r.profile === latest.profile && r.runId !== latest.runId && r.figures[figure] !== undefined).slice(-10).map((r) => r.figures[figure]!);
    if (past.length < 3) continue;
    const m = median(past);
    const mad = median(past.map((v) => Math.abs(v - m)));
    const noise = Math.max(3 * 1.4826 * mad, 0.2 * m, 100);
    if (latestMs > m + noise) out.push({ figure, latestMs, medianMs: Math.round(m), noiseMs: Math.round(noise), runs: past.length });
  }
  return out;
}

export function describeRegression(r: Regression): string {
  return `${r.figure}: ${r.latestMs} ms, slower than the median ${r.medianMs} ms of the last ${r.runs} runs by more than the noise (${r.noiseMs} ms)`;
}

const ARCHIVED = ['index.html', 'recovery.json', 'invariants.json', 'run.json'];

/** Copies this run's reports into runs/<id>/, prunes the oldest beyond `keep`, and returns every kept summary, oldest first. */
export function archiveRun(reportsDir: string, summary: RunSummary, keep: number): RunSummary[] {
  const runs = join(reportsDir, 'runs');
  const dir = join(runs, summary.runId);
  mkdirSync(dir, { recursive: true });
  for (const f of ARCHIVED) if (existsSync(join(reportsDir, f))) copyFileSync(join(reportsDir, f), join(dir, f));
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
  const ids = readdirSync(runs).filter((d) => existsSync(join(runs, d, 'summary.json'))).sort();
  for (const old of ids.slice(0, Math.max(0, ids.length - keep))) rmSync(join(runs, old), { recursive: true, force: true });
  return readRunSummaries(reportsDir);
}

/** Every kept run's summary, oldest first; a run folder without a readable summary is left out. */
export function readRunSummaries(reportsDir: string): RunSummary[] {
  const runs = join(reportsDir, 'runs');
  if (!existsSync(runs)) return [];
  return readdirSync(runs).sort().flatMap((id) => {
    try {
      return [JSON.parse(readFileSync(join(runs, id, 'summary.json'), 'utf8')) as RunSummary];
    } catch {
      return [];
    }
  });
}

function trendSvg(figure: string, runs: readonly RunSummary[], flagged: boolean): string {
  const points = runs.map((r, i) => ({ i, ms: r.figures[figure], id: r.runId })).filter((p): p is { i: number; ms: number; id: string } => p.ms !== undefined);
  const W = 440, H = 90, L = 62;
  if (!points.length) return '';
  const max = Math.max(...points.map((p) => p.ms), 1) * 1.1;
  const x = (i: number) => L + (runs.length > 1 ? (i / (runs.length - 1)) * (W - L - 8) : (W - L) / 2);
  const y = (ms: number) => H - 14 - (ms / max) * (H - 24);
  const path = points.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)} ${y(p.ms).toFixed(1)}`).join('');
  const dots = points.map((p) => `<circle cx="${x(p.i).toFixed(1)}" cy="${y(p.ms).toFixed(1)}" r="2.5" fill="#1565c0"><title>${esc(p.id)}: ${p.ms} ms</title></circle>`);
  return `<figure class="trend"><figcaption>${esc(figure)}${flagged ? ' <b class="bad">slower than recent runs</b>' : ''}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="trend of ${esc(figure)}">` +
    `<line x1="${L}" x2="${W}" y1="${H - 14}" y2="${H - 14}" stroke="#999"/><text x="${L - 4}" y="${y(max / 1.1) + 3}" font-size="9" text-anchor="end">${Math.round(max / 1.1)} ms</text><text x="${L - 4}" y="${H - 11}" font-size="9" text-anchor="end">0</text>` +
    `<path d="${path}" fill="none" stroke="#90caf9" stroke-width="1.5"/>${dots.join('')}</svg></figure>`;
}

export function renderRunsIndex(runs: readonly RunSummary[], flagged: readonly Regression[]): string {
  const rows = [...runs].reverse().map((r) => `<tr class="${r.failed ? 'missed' : ''}"><td><a href="${esc(r.runId)}/index.html">${esc(r.runId)}</a></td><td>${esc(r.startedAt.replace('T', ' ').slice(0, 19))}</td><td><code>${esc(r.commit.slice(0, 12))}</code></td><td>${esc(r.profile)}</td><td>${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped</td><td>${(r.durationMs / 1000).toFixed(0)} s</td></tr>`);
  const figures = [...TREND_FIGURES.map((f) => f.name), FLEET_READY];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>zkharness runs</title><style>${PAGE_STYLE} figure.trend{display:inline-block;margin:0 1em 1em 0}</style></head>
<body><h1>zkharness runs</h1><p><a href="../index.html">latest run</a></p>
${flagged.length ? `<p class="bad"><b>Slower than recent runs:</b> ${flagged.map((r) => esc(describeRegression(r))).join('; ')}</p>` : '<p>No recovery figure is slower than its recent history by more than the noise.</p>'}
<p class="small">Noise: a figure is flagged when it exceeds the median of the last (up to) 10 runs of the same timing profile by more than the largest of 3 scaled median absolute deviations, 20% of that median and 100 ms; at least 3 earlier runs are needed.</p>
<h2>Trends</h2>${figures.map((f) => trendSvg(f, runs, flagged.some((r) => r.figure === f))).join('')}
<h2>Runs</h2><table><tr><th>run</th><th>started</th><th>commit</th><th>profile</th><th>result</th><th>duration</th></tr>${rows.join('')}</table>
</body></html>
`;
}
