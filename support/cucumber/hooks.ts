// Scenario lifecycle: check the engine and sweep dead runs before anything; heal after every scenario;
// diagnostics on failure; release the fleet and sweep this run's containers at the end or on a signal.
import { AfterAll, After, AfterStep, Before, BeforeAll, BeforeStep, Status } from '@cucumber/cucumber';
import { FleetWorld } from './world';
import { runContext } from './run-context';
import { settings } from '../settings';
import { engine, publishHost } from '../../containers/shared/engine';
import { sweep } from '../docker/sweep';
import { runIdentity } from '../docker/run-identity';
import { useWorkerEngine } from '../docker/engines';
import { runPortsExposedElsewhere } from '../docker/port-exposure';
import { requireImage } from '../images/image-catalog';
import { describeProfile } from '../../containers/shared/timing-profile';
import { collectDiagnostics, writeDiagnostics } from '../fleet/diagnostics';
import { progress } from '../progress';
import { now } from '../../containers/shared/deadline';
import { StepEvent } from '../history/events';
import { judgeScenario } from '../report/scenario-verdicts';
import { writeRunReports, costLines } from '../report/run-reports';
import { recoveryTable } from '../report/recovery-record';
import { invariantTable } from '../report/invariant-table';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';

let tearingDown: Promise<void> | undefined;
const runStartedAt = new Date();

/** Run by cucumber-js itself, one worker, not under the npm test runner (which merges reports on its own). */
const standalone = () => !settings().underRunner && process.env.CUCUMBER_WORKER_ID === undefined;

async function teardown(): Promise<void> {
  tearingDown ??= (async () => {
    const errors: string[] = [];
    await runContext.pool.release().catch((e: Error) => errors.push(e.message));
    if (!settings().keep) await sweep({ runId: runIdentity().runId }).catch((e: Error) => errors.push(e.message));
    runContext.writeRecoveries();
    if (errors.length) progress(`teardown errors: ${errors.join('; ')}`);
    if (standalone()) {
      // A plain `cucumber-js` run leaves the same reports as `npm test` does.
      const reports = writeRunReports(settings().reportsDir, runStartedAt, process.argv.slice(2));
      for (const s of reports.slower) progress(`slower than recent runs: ${s}`);
      for (const line of costLines(reports)) progress(line);
      progress(`reports: ${settings().reportsDir}/index.html (rendering ${reports.rendering})\n${recoveryTable(reports.records)}\n${invariantTable(reports.invariants)}`);
    }
  })();
  return tearingDown;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal} received: tearing down the fleet before exiting`);
    teardown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

BeforeAll(async function (this: { parameters: Record<string, unknown> }) {
  // First: a worker of a sharded run (ZKH_DOCKER_HOSTS) points itself at its engine before anything asks for one.
  const endpoint = useWorkerEngine();
  runContext.useProfile(this.parameters.timingProfile);
  // What a previous plain run left must not be merged into this one's reports (the runner clears reports/ itself).
  if (standalone()) for (const dir of ['parts', 'histories', 'failures']) rmSync(join(settings().reportsDir, dir), { recursive: true, force: true });
  await engine();
  const swept = await sweep();
  if (swept.containers || swept.networks) progress(`swept ${swept.containers} containers and ${swept.networks} networks left by dead runs (${swept.runs.join(', ')})`);
  for (const image of ['zookeeper', 'web-node', 'gateway'] as const) requireImage(image);
  progress(`run ${runIdentity().runId} on ${endpoint.dockerHost} (ports on ${publishHost()}): ${describeProfile(runContext.timing)}; seed ${runContext.random.seed} (ZKH_SEED to replay)`);
});

Before(function (this: FleetWorld, { pickle, gherkinDocument }) {
  this.scenario = pickle.name;
  this.feature = gherkinDocument.feature?.name ?? '';
  this.history.header = { scenario: pickle.name, feature: this.feature, startedAt: new Date().toISOString(), observers: {}, nodes: [], members: [], gateway: false };
  progress(`scenario: ${pickle.name}`);
});

BeforeStep(function (this: FleetWorld, { pickleStep }) {
  this.currentStep = pickleStep.text;
  this.stepStartMs = now();
  this.history.append<StepEvent>({ kind: 'step', phase: 'start', text: pickleStep.text, type: pickleStep.type as StepEvent['type'] });
});

AfterStep(function (this: FleetWorld, { pickleStep, result }) {
  this.history.append<StepEvent>({ kind: 'step', phase: 'end', text: pickleStep.text, status: result.status });
});

After(async function (this: FleetWorld, { result, pickle }) {
  // The history ends with the scenario's last step: traffic and observers stop before anything is healed.
  await this.traffic?.stop();
  await this.registers?.stop();
  await this.observers?.stop();
  const judged = this.hasFleet() ? judgeScenario({ scenario: this.scenario, feature: this.feature, history: this.history, expected: this.expectedViolations }, settings().reportsDir) : undefined;
  if (judged) {
    runContext.invariants.push(...judged.rows);
    this.attach(judged.text, 'text/plain');
    progress(`invariants: ${judged.oneLine} (history: ${judged.file})`);
  }
  // Checked while the fleet still runs: a port published beyond the asked address fails the scenario.
  // A check that could not look must not pass: an engine that cannot list the run's containers fails the scenario.
  const exposed = this.hasFleet() ? await runPortsExposedElsewhere(runIdentity().runId, publishHost()).catch((e: Error) => e) : [];
  const exposure = exposed instanceof Error ? `Could not check that the run's ports are published on ${publishHost()} only: listing its containers failed (${exposed.message})`
    : exposed.length ? `Ports published on an address the harness did not ask for (only ${publishHost()} is allowed): ${exposed.join(', ')}` : undefined;
  const failed = result?.status !== Status.PASSED || judged?.violation !== undefined || exposure !== undefined;
  const fleet = this.hasFleet() ? runContext.pool.peek() : undefined;
  let diagnosticsDir: string | undefined;
  if (failed && this.hasFleet()) {
    const diagnostics = await collectDiagnostics(fleet, this.faults.history());
    const dir = writeDiagnostics(settings().reportsDir, pickle.name, diagnostics);
    diagnosticsDir = relative(settings().reportsDir, dir);
    // The full files go to reports/; the report gets their names and each log's last lines.
    const tails = Object.entries(diagnostics.files).map(([file, content]) => `== ${file}\n${content.split('\n').slice(-12).join('\n')}`);
    this.attach(`diagnostics: ${dir}\n${tails.join('\n')}`, { mediaType: 'text/x.zkharness.diagnostics', fileName: 'diagnostics.txt' });
    progress(`scenario failed: diagnostics in ${dir}`);
  }
  const violations = (judged?.rows ?? []).filter((r) => r.verdict === 'invalid')
    .flatMap((r) => r.evidence.slice(0, 20).map((e) => ({ invariant: r.invariant, atMs: e.atMs, untilMs: e.untilMs, detail: e.detail, expected: r.expected })));
  const timeline = this.timeline(exposure || judged?.violation ? 'FAILED' : result?.status ?? 'UNKNOWN', violations, diagnosticsDir);
  runContext.timelines.push(timeline);
  try {
    const healStart = now();
    await this.faults.healAll();
    const healMs = now() - healStart;
    timeline.healAfterMs = Math.round(healMs);
    // The next scenario's reset is judged by what this one did (#18's reset goals differ by kind).
    if (this.hasFleet()) runContext.pool.noteLeftovers({ families: [...new Set(this.faults.history().map((f) => f.family))], healMs });
  } catch (e) {
    runContext.pool.markDirty();
    progress((e as Error).message);
  }
  if (failed) {
    runContext.pool.markDirty();
    if (settings().keep && fleet) {
      progress(`ZKH_KEEP=1: leaving the fleet running; ZooKeeper at ${fleet.ensemble.getConnectString()}` +
        `${fleet.gatewayContainer ? `, gateway at ${fleet.gatewayContainer.baseUrl()}` : ''}${fleet.nodes.map((n) => `, ${n.name} at ${n.baseUrl()}`).join('')}; remove it with npm run clean`);
      runContext.pool.abandon();
    }
  }
  // A default invariant the history shows violated fails the scenario, naming it, the instant and who.
  if (judged?.violation) throw new Error(judged.violation);
  if (exposure) throw new Error(exposure);
});

AfterAll(async function () {
  await teardown();
});
