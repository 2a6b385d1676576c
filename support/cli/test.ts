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
import { engineAt } from '../../containers/shared/engine';
import type Dockerode from 'dockerode';
import { envForEngine, runEngines } from '../docker/engines';
import { writeRunReports, RunReports, costLines } from '../report/run-reports';
import { keptAcrossRuns } from '../report/run-history';
import { settings } from '../settings';
import { undefinedSteps } from '../report/nearest-phrasings';
import { invariantTable } from '../report/invariant-table';

/** Where the reports go (ZKH_REPORTS_DIR); set once the settings are known to be valid. */
let REPORTS = '';
const unitOnly = process.argv.includes('--unit-only');
// Only the engine check and its verdict: how the unit tests check the "no engine" sentence without a run.
const engineCheckOnly = process.argv.includes('--engine-check-only');
// The unit tests already ran in this job (CI's extra runs against other engines): go straight to the suite.
const noUnitTests = process.argv.includes('--no-unit-tests');
const OWN_FLAGS = ['--unit-only', '--engine-check-only', '--no-unit-tests'];
const cucumberArgs = process.argv.slice(2).filter((a) => !OWN_FLAGS.includes(a));

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
  const reports = writeRunReports(REPORTS, startedAt, cucumberArgs);
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
  const unitOk = engineCheckOnly || noUnitTests || runUnitTests();
  if (unitOnly) process.exit(unitOk ? 0 : 1);
  // A missing engine is one sentence, not a cucumber stack trace. A sharded run (ZKH_DOCKER_HOSTS) checks each.
  const engines: { host: string; docker: Dockerode }[] = [];
  try {
    for (const host of runEngines()) engines.push({ host, docker: await engineAt(envForEngine(host)) });
  } catch (e) {
    console.error(`[zkh] ${(e as Error).message}`);
    console.log(closingLine({ passed: 0, failed: 0, skipped: 0 }));
    process.exit(1);
  }
  if (engineCheckOnly) {
    console.log(`[zkh] the Docker engine answers (${engines.map((e) => e.host).join(', ')})`);
    process.exit(0);
  }
  // The latest run's reports replace the previous ones; reports/runs/ keeps the past runs, and npm run bench's
  // figures stay (the next bench holds its recovery figures against them).
  mkdirSync(REPORTS, { recursive: true });
  for (const entry of readdirSync(REPORTS)) if (!keptAcrossRuns(entry)) rmSync(join(REPORTS, entry), { recursive: true, force: true });
  const startedAt = new Date();
  const code = await runCucumber();
  // Whatever a worker left behind if it died hard (its pid is gone now), on every engine of the run.
  const left: string[] = [];
  for (const { host, docker } of engines) {
    await sweep({}, docker).catch(() => undefined);
    // Nothing may leak: whatever carries our label and belongs to no live run now is a bug.
    left.push(...(await leftovers(docker).catch(() => [])).map((c) => engines.length > 1 ? `${c} on ${host}` : c));
  }
  if (left.length) {
    console.log(`[zkh] LEAK: ${left.length} zkharness containers outlived the run: ${left.join(', ')}`);
    process.exitCode = 1;
  }
  const reports = writeReports(startedAt);
  const { records, invariants } = reports;
  console.log(`[zkh] reports: ${join(REPORTS, 'index.html')} (past runs and trends: ${join(REPORTS, 'runs', 'index.html')})`);
  if (reports.screenshot) console.log(`[zkh] screenshot of the first failed scenario (or the first, when none failed): ${reports.screenshot}`);
  for (const s of reports.slower) console.log(`[zkh] slower than recent runs: ${s}`);
  for (const line of costLines(reports)) console.log(`[zkh] ${line}`);
  const byEngine = Object.entries(reports.scenariosByEngine);
  if (engines.length > 1 || byEngine.length > 1) console.log(`[zkh] scenarios by engine: ${byEngine.map(([e, n]) => `${e}: ${n}`).join(', ')}`);
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
