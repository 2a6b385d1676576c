// The run's merged reports: every worker writes its parts under reports/parts/; this turns them into
// recovery.json, invariants.json, run.json and index.html (checked in headless Chromium). Called by the npm test
// runner after cucumber exits, and by the last hook of a plain `cucumber-js` run (one worker), so both leave the
// same reports behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecoveryRecord } from './recovery-record';
import { InvariantRow } from './scenario-verdicts';
import { ScenarioTimeline } from './scenario-timeline';
import { runMetadata } from './run-metadata';
import { renderIndex } from './index-page';
import { checkRendering } from './render-check';

function readParts<T>(reportsDir: string, prefix: string): T[] {
  const dir = join(reportsDir, 'parts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)).flatMap((f) => [JSON.parse(readFileSync(join(dir, f), 'utf8'))].flat() as T[]) : [];
}

export interface RunReports {
  readonly records: RecoveryRecord[];
  readonly invariants: InvariantRow[];
  readonly scenariosByEngine: Record<string, number>;
  /** "ok: …", "skipped: …" or "FAILED: …" from the rendering check. */
  readonly rendering: string;
}

export function writeRunReports(reportsDir: string, startedAt: Date): RunReports {
  const records = readParts<RecoveryRecord>(reportsDir, 'recovery-');
  const invariants = readParts<InvariantRow>(reportsDir, 'invariants-');
  writeFileSync(join(reportsDir, 'invariants.json'), JSON.stringify(invariants, null, 2));
  writeFileSync(join(reportsDir, 'recovery.json'), JSON.stringify(records, null, 2));
  const timelines = readParts<ScenarioTimeline>(reportsDir, 'timeline-');
  const meta = { ...runMetadata(readParts(reportsDir, 'worker-'), startedAt, new Date()), scenariosByEngine: scenariosByEngine(timelines) };
  writeFileSync(join(reportsDir, 'run.json'), JSON.stringify(meta, null, 2));
  writeFileSync(join(reportsDir, 'index.html'), renderIndex(timelines, records, meta, invariants));
  return { records, invariants, scenariosByEngine: meta.scenariosByEngine, rendering: checkRendering(join(reportsDir, 'index.html'), timelines.length) };
}

/** How many scenarios each engine ran: a sharded run shows its spread here and in run.json. */
export function scenariosByEngine(timelines: readonly ScenarioTimeline[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of timelines) counts[t.engine ?? 'unknown'] = (counts[t.engine ?? 'unknown'] ?? 0) + 1;
  return counts;
}
