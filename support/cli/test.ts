// `npm test`: unit tests, then the cucumber suite (profile `ci` unless one is named), then the recovery
// table and the closing line `scenarios: N passed, N failed, N skipped`. Exits non-zero on any failure.
// Extra arguments go to cucumber-js: `npm test -- features/x.feature`, `npm test -- --tags @smoke`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../images/image-recipes';
import { unitTestFiles } from './test-files';
import { countScenarios, closingLine } from '../report/scenario-counts';
import { recoveryTable } from '../report/recovery-record';
import { sweep, leftovers } from '../docker/sweep';
import { engine } from '../../containers/shared/engine';
import { writeRunReports, RunReports } from '../report/run-reports';
import { settings } from '../settings';
import { undefinedSteps } from '../report/nearest-phrasings';
import { invariantTable } from '../report/invariant-table';

/** Where the reports go (ZKH_REPORTS_DIR); set once the settings are known to be valid. */
let REPORTS = '';
const unitOnly = process.argv.includes('--unit-only');
// Only the engine check and its verdict: how the unit tests check the "no engine" sentence without a run.
const engineCheckOnly = process.argv.includes('--engine-check-only');
const cucumberArgs = process.argv.slice(2).filter((a) => a !== '--unit-only' && a !== '--engine-check-only');

function runUnitTests(): boolean {
  const files = unitTestFiles();
  console.log(`[zkh] unit tests: ${files.length} files`);
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=dot', '--require', 'ts-node/register/transpile-only', ...files], { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status === 0;
}

function runCucumber(): Promise<number> {
  const args = [...cucumberArgs];
  const named = args.findIndex((a) => a === '-p' || a === '--profile');
  if (named < 0) args.unshift('--profile', 'ci');
  // ZKH_RUNNER: the runner merges the reports itself once cucumber has exited (after its leak check).
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/cucumber-js'), args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, TESTCONTAINERS_RYUK_DISABLED: 'true', ZKH_RUNNER: '1' } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  // A hung engine call must not eat the CI budget: past the cap, ask the run to tear down, then force it.
  const RUN_CAP_MS = settings().runCapMinutes * 60_000;
  const cap = setTimeout(() => {
    console.error(`[zkh] the run exceeded its cap of ${RUN_CAP_MS / 60_000} minutes (ZKH_RUN_CAP_MINUTES): stopping it with a clean teardown`);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  }, RUN_CAP_MS);
  return new Promise((resolve) => child.on('exit', (code, signal) => {
    clearTimeout(cap);
    resolve(code ?? (signal ? 1 : 0));
  }));
}

/** Merges every worker's parts into the run's reports; a page that does not render fails the run. */
function writeReports(startedAt: Date): RunReports {
  const reports = writeRunReports(REPORTS, startedAt);
  console.log(`[zkh] index.html rendering: ${reports.rendering}`);
  if (reports.rendering.startsWith('FAILED')) process.exitCode = 1;
  return reports;
}

async function main(): Promise<void> {
  try {
    REPORTS = settings().reportsDir;
  } catch (e) {
    // A bad ZKH_* value stops the run here, in one sentence.
    console.error(`[zkh] ${(e as Error).message}`);
    console.log(closingLine({ passed: 0, failed: 0, skipped: 0 }));
    process.exit(1);
  }
  const unitOk = engineCheckOnly || runUnitTests();
  if (unitOnly) process.exit(unitOk ? 0 : 1);
  // A missing engine is one sentence, not a cucumber stack trace.
  try {
    await engine();
  } catch (e) {
    console.error(`[zkh] ${(e as Error).message}`);
    console.log(closingLine({ passed: 0, failed: 0, skipped: 0 }));
    process.exit(1);
  }
  if (engineCheckOnly) {
    console.log('[zkh] the Docker engine answers');
    process.exit(0);
  }
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const startedAt = new Date();
  const code = await runCucumber();
  // Whatever the runner left behind if it died hard (its pid is gone now).
  await sweep().catch(() => undefined);
  // Nothing may leak: whatever carries our label and belongs to no live run now is a bug.
  const left = await leftovers().catch(() => []);
  if (left.length) {
    console.log(`[zkh] LEAK: ${left.length} zkharness containers outlived the run: ${left.join(', ')}`);
    process.exitCode = 1;
  }
  const { records, invariants } = writeReports(startedAt);
  console.log(`[zkh] reports: ${join(REPORTS, 'index.html')}`);
  console.log(`\n${recoveryTable(records)}`);
  console.log(`\n${invariantTable(invariants)}`);
  const messages = join(REPORTS, 'messages.ndjson');
  const stream = existsSync(messages) ? readFileSync(messages, 'utf8') : '';
  const counts = countScenarios(stream);
  for (const u of undefinedSteps(stream)) {
    console.log(`[zkh] undefined step "${u.text}": nearest known phrasings: ${u.nearest.map((p) => `"${p}"`).join(', ')} (npm run steps lists them all)`);
  }
  if (!unitOk) console.log('[zkh] unit tests failed');
  if (code !== 0 && counts.failed === 0) counts.failed = Math.max(1, counts.failed); // the run itself broke
  console.log(closingLine(counts));
  process.exit(unitOk && code === 0 && !process.exitCode ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  console.log(closingLine({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(1);
});
