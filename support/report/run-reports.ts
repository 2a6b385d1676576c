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

function readParts<T>(reportsDir: string, prefix: string): T[] {
  const dir = join(reportsDir, 'parts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)).flatMap((f) => [JSON.parse(readFileSync(join(dir, f), 'utf8'))].flat() as T[]) : [];
}

export interface RunReports {
  readonly records: RecoveryRecord[];
  readonly invariants: InvariantRow[];
  readonly scenariosByEngine: Record<string, number>;
  readonly overhead: HarnessOverhead;
  /** Recovery figures slower than their recent history (see run-history.ts), one sentence each. */
  readonly slower: string[];
  /** The screenshot of the first failed (or first) scenario, when Chromium made one. */
  readonly screenshot: string | undefined;
  /** "ok: …", "skipped: …" or "FAILED: …" from the rendering check. */
  readonly rendering: string;
}

export function writeRunReports(reportsDir: string, startedAt: Date): RunReports {
  const records = readParts<RecoveryRecord>(reportsDir, 'recovery-');
  const invariants = readParts<InvariantRow>(reportsDir, 'invariants-');
  writeFileSync(join(reportsDir, 'invariants.json'), JSON.stringify(invariants, null, 2));
  writeFileSync(join(reportsDir, 'recovery.json'), JSON.stringify(records, null, 2));
  const timelines = readParts<ScenarioTimeline>(reportsDir, 'timeline-');
  const meta = { ...runMetadata(readParts(reportsDir, 'worker-'), startedAt, new Date()), scenariosByEngine: scenariosByEngine(timelines), overhead: harnessOverhead(timelines) };
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
  return { records, invariants, scenariosByEngine: meta.scenariosByEngine, overhead: meta.overhead, rendering, slower, screenshot: shot };
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

export interface HarnessOverhead { fleetMs: number; faultStepsMs: number; scenariosMs: number; share: number }

/**
 * What the harness itself cost: fleet builds and resets plus the steps that apply faults and changes, as a share
 * of the scenarios' time (the issue's goal is at most 25%). Awaited recoveries are the fleet's time, not ours.
 */
export function harnessOverhead(timelines: readonly ScenarioTimeline[]): HarnessOverhead {
  const sum = (f: (t: ScenarioTimeline) => number) => Math.round(timelines.reduce((a, t) => a + f(t), 0));
  const fleetMs = sum((t) => t.steps?.fleetMs ?? 0);
  const faultStepsMs = sum((t) => t.steps?.whenMs ?? 0);
  const scenariosMs = sum((t) => t.durationMs);
  return { fleetMs, faultStepsMs, scenariosMs, share: scenariosMs ? Number(((fleetMs + faultStepsMs) / scenariosMs).toFixed(3)) : 0 };
}

/** How many scenarios each engine ran: a sharded run shows its spread here and in run.json. */
export function scenariosByEngine(timelines: readonly ScenarioTimeline[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of timelines) counts[t.engine ?? 'unknown'] = (counts[t.engine ?? 'unknown'] ?? 0) + 1;
  return counts;
}
