// The run's merged reports: every worker writes its parts under reports/parts/; this turns them into
// recovery.json, invariants.json, run.json and index.html (checked in headless Chromium). Called by the npm test
// runner after cucumber exits, and by the last hook of a plain `cucumber-js` run (one worker), so both leave the
// same reports behind.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecoveryRecord } from './recovery-record';
import { InvariantRow } from './scenario-verdicts';
import { ScenarioTimeline } from './scenario-timeline';
import { runMetadata } from './run-metadata';
import { orderScenarios, renderIndex, scenarioPage } from './index-page';
import { checkRendering, pictureCounts, screenshot } from './render-check';
import { archiveRun, describeRegression, readRunSummaries, regressions, renderRunsIndex, summarize } from './run-history';
import { esc } from './scenario-picture';
import { settings } from '../settings';
import { summarize as summarizeSamples, Summary } from '../bench/stats';
import type { ResetFigure } from '../fleet/fleet-pool';
import { unionMs } from '../faults/fault';
import { runSelection } from './run-selection';

function readParts<T>(reportsDir: string, prefix: string): T[] {
  const dir = join(reportsDir, 'parts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)).flatMap((f) => [JSON.parse(readFileSync(join(dir, f), 'utf8'))].flat() as T[]) : [];
}

export interface RunReports {
  readonly records: RecoveryRecord[];
  readonly invariants: InvariantRow[];
  readonly scenariosByEngine: Record<string, number>;
  readonly overhead: HarnessOverhead;
  /** Fleet resets by what the scenario before each did (nothing, a network fault, a container fault, other). */
  readonly resets: Record<string, Summary>;
  /** Recovery figures slower than their recent history (see run-history.ts), one sentence each. */
  readonly slower: string[];
  /** The screenshot of the first failed (or first) scenario, when Chromium made one. */
  readonly screenshot: string | undefined;
  /** "ok: …", "skipped: …" or "FAILED: …" from the rendering check. */
  readonly rendering: string;
}

/** `cucumberArgs`: what the run was given, so run.json says whether it was the whole suite (run-selection.ts). */
export function writeRunReports(reportsDir: string, startedAt: Date, cucumberArgs: readonly string[]): RunReports {
  const records = readParts<RecoveryRecord>(reportsDir, 'recovery-');
  const invariants = readParts<InvariantRow>(reportsDir, 'invariants-');
  writeFileSync(join(reportsDir, 'invariants.json'), JSON.stringify(invariants, null, 2));
  writeFileSync(join(reportsDir, 'recovery.json'), JSON.stringify(records, null, 2));
  const timelines = readParts<ScenarioTimeline>(reportsDir, 'timeline-');
  const workers = readParts<{ resets?: ResetFigure[] }>(reportsDir, 'worker-');
  const meta = { ...runMetadata(workers, startedAt, new Date()), selection: runSelection(cucumberArgs), scenariosByEngine: scenariosByEngine(timelines), overhead: harnessOverhead(timelines), resets: resetsByKind(workers.flatMap((w) => w.resets ?? [])) };
  writeFileSync(join(reportsDir, 'run.json'), JSON.stringify(meta, null, 2));
  // Past runs first: the page names any figure slower than its recent history.
  const finishedAt = new Date();
  const runId = startedAt.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const summary = summarize(runId, startedAt, finishedAt, timelines, records, meta);
  const slowerFigures = regressions(readRunSummaries(reportsDir), summary);
  const slower = slowerFigures.map(describeRegression);
  const flagged = slower.length ? `<p class="bad"><b>Slower than recent runs:</b> ${slower.map(esc).join('; ')} (<a href="runs/index.html">trends</a>)</p>` : '';
  writeFileSync(join(reportsDir, 'index.html'), renderIndex(timelines, records, meta, invariants, flagged));
  const kept = archiveRun(reportsDir, summary, settings().reportRuns);
  writeFileSync(join(reportsDir, 'runs', 'index.html'), renderRunsIndex(kept, slowerFigures));
  const rendering = checkRendering(join(reportsDir, 'index.html'), pictureCounts(timelines));
  const first = orderScenarios(timelines)[0];
  const shot = first && !rendering.startsWith('skipped') ? screenshot(reportsDir, scenarioPage(first)) : undefined;
  return { records, invariants, scenariosByEngine: meta.scenariosByEngine, overhead: meta.overhead, resets: meta.resets, rendering, slower, screenshot: shot };
}

/** A PNG of one scenario of the latest run (the first whose name contains `match`), written to `out`. */
export function screenshotScenario(reportsDir: string, match: string | undefined, out: string): string {
  const timelines = readParts<ScenarioTimeline>(reportsDir, 'timeline-');
  const chosen = match ? timelines.find((t) => t.scenario.includes(match)) : orderScenarios(timelines)[0];
  if (!chosen) throw new Error(match ? `no scenario of the latest run (${reportsDir}) is named like "${match}"` : `the latest run (${reportsDir}) has no scenarios`);
  const png = screenshot(reportsDir, scenarioPage(chosen));
  if (!png) throw new Error('Chromium made no screenshot (is chromium installed? npm run setup installs it as root)');
  copyFileSync(png, out);
  return chosen.scenario;
}

export interface HarnessOverhead {
  /** Fleet builds and resets inside the scenarios' first steps. */
  fleetMs: number;
  /** Applying and healing faults (their harness spans, overlaps once), After-hook heals included. */
  faultApplicationMs: number;
  /** The When steps' whole time, for comparison: it also holds what the fleet did meanwhile (a schedule's quiet). */
  faultStepsMs: number;
  /** The scenarios' time, their After-hook heals included. */
  scenariosMs: number;
  share: number;
}

/**
 * What the harness itself cost: fleet builds and resets plus applying and healing faults, as a share of the
 * scenarios' time (the issue's goal is at most 25%). Awaited recoveries, and what the fleet does while a fault
 * is on, are the fleet's time, not ours.
 */
export function harnessOverhead(timelines: readonly ScenarioTimeline[]): HarnessOverhead {
  const sum = (f: (t: ScenarioTimeline) => number) => Math.round(timelines.reduce((a, t) => a + f(t), 0));
  const fleetMs = sum((t) => t.steps?.fleetMs ?? 0);
  const healAfterMs = sum((t) => t.healAfterMs ?? 0);
  const faultApplicationMs = sum((t) => unionMs(t.faults.flatMap((f) => f.harnessSpans ?? []))) + healAfterMs;
  const faultStepsMs = sum((t) => t.steps?.whenMs ?? 0);
  const scenariosMs = sum((t) => t.durationMs) + healAfterMs;
  return { fleetMs, faultApplicationMs, faultStepsMs, scenariosMs, share: scenariosMs ? Number(((fleetMs + faultApplicationMs) / scenariosMs).toFixed(3)) : 0 };
}

/** The harness's own cost in words, for the console of `npm test` and of a plain `cucumber-js` run alike. */
export function costLines(reports: Pick<RunReports, 'overhead' | 'resets'>): string[] {
  const o = reports.overhead;
  const lines: string[] = [];
  if (o.scenariosMs) lines.push(`harness overhead: fleet builds and resets ${(o.fleetMs / 1000).toFixed(1)} s + applying and healing faults ${(o.faultApplicationMs / 1000).toFixed(1)} s = ${(o.share * 100).toFixed(1)}% of ${(o.scenariosMs / 1000).toFixed(1)} s of scenarios (goal ≤ 25%: ${o.share <= 0.25 ? 'met' : 'MISSED'}; the When steps around those faults took ${(o.faultStepsMs / 1000).toFixed(1)} s)`);
  const resets = Object.entries(reports.resets);
  if (resets.length) lines.push(`fleet resets (heal + restore + verify), by what the scenario before did: ${resets.map(([k, r]) => `${k} ${r.n}x median ${r.median} ms, p95 ${r.p95} ms`).join('; ')}`);
  return lines;
}

/** Reset times (heal + restore + verify) grouped by kind, each summarized (median, p95). */
export function resetsByKind(resets: readonly ResetFigure[]): Record<string, Summary> {
  const kinds = [...new Set(resets.map((r) => r.kind))].sort();
  return Object.fromEntries(kinds.map((k) => [k, summarizeSamples(resets.filter((r) => r.kind === k).map((r) => r.ms))]));
}

/** How many scenarios each engine ran: a sharded run shows its spread here and in run.json. */
export function scenariosByEngine(timelines: readonly ScenarioTimeline[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of timelines) counts[t.engine ?? 'unknown'] = (counts[t.engine ?? 'unknown'] ?? 0) + 1;
  return counts;
}
