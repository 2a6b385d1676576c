// `npm run bench`: the harness's own figures over several fleet boots and a fixed set of faults, beside a plain
// docker-CLI baseline and Curator's in-process TestingCluster; writes reports/bench.json and prints them side by side.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engine } from '../../containers/shared/engine';
import { sweep } from '../docker/sweep';
import { runIdentity } from '../docker/run-identity';
import { requireImage } from '../images/image-catalog';
import { ensureImage } from '../images/image-builder';
import { describeProfile } from '../../containers/shared/timing-profile';
import { settings } from '../settings';
import { benchHarness } from '../bench/harness-bench';
import { benchDockerCli } from '../bench/docker-cli-baseline';
import { benchCuratorTestingCluster } from '../bench/curator-peer';
import { summarize, Summary } from '../bench/stats';
import { recoveryDrift } from '../bench/recovery-drift';
import { runMetadata } from '../report/run-metadata';
import { benchObserverCost } from '../bench/observer-cost';
import { containerRss } from '../bench/fleet-memory';
import { buildFleet } from '../fleet/fleet-builder';
import { engineEndpoint } from '../../containers/shared/engine-endpoint';
import { benchFleetScale, benchSuiteScale, scaleCurve } from '../bench/scale-bench';

const RUNS = settings().benchRuns;
const REPORTS_DIR = settings().reportsDir;

async function main(): Promise<void> {
  await engine();
  await sweep();
  const timing = settings().timing;
  if (process.argv.includes('--observers')) {
    const cost = await benchObserverCost(timing);
    const share = (ms: number) => `${((ms / cost.spanMs) * 100).toFixed(1)}% of a core`;
    console.log(`[bench] observers over ${cost.spanMs / 1000} s of a steady 3 + 3 + gateway fleet (${cost.eventsRecorded} events recorded):`);
    console.log(`  harness CPU: ${cost.harnessCpuMsWithout} ms without, ${cost.harnessCpuMsWith} ms with (${share(cost.harnessCpuMsWith - cost.harnessCpuMsWithout)} more)`);
    console.log(`  fleet containers' CPU: ${cost.fleetCpuMsWithout} ms without, ${cost.fleetCpuMsWith} ms with (${share(cost.fleetCpuMsWith - cost.fleetCpuMsWithout)} more)`);
    mkdirSync(REPORTS_DIR, { recursive: true });
    writeFileSync(join(REPORTS_DIR, 'observer-cost.json'), JSON.stringify(cost, null, 2));
    return;
  }
  if (process.argv.includes('--scale')) {
    await benchScale(timing);
    return;
  }
  if (process.argv.includes('--memory')) {
    await benchMemory(timing);
    return;
  }
  console.log(`[bench] ${RUNS} runs each; ${describeProfile(timing)}`);
  const startedAt = new Date();
  // Interleaved, one harness run then one baseline run: a machine that slows down over the bench slows both alike.
  const images = { zookeeper: requireImage('zookeeper').reference, webNode: requireImage('web-node').reference, gateway: requireImage('gateway').reference };
  const harness: Record<string, number[]> = {};
  const baseline: Record<string, number[]> = {};
  const merge = (into: Record<string, number[]>, from: Record<string, number[]>) => { for (const [k, v] of Object.entries(from)) into[k] = [...(into[k] ?? []), ...v]; };
  for (let run = 1; run <= RUNS; run++) {
    merge(harness, await benchHarness(1, timing, run));
    merge(baseline, await benchDockerCli(1, images, timing, run));
  }
  let curator: ReturnType<typeof benchCuratorTestingCluster> | { error: string };
  try {
    curator = benchCuratorTestingCluster(ensureImage('curator-bench').reference, RUNS, timing);
  } catch (e) {
    curator = { error: (e as Error).message.split('\n')[0] };
  }
  const summaries = (figures: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(figures).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, summarize(v as number[])]));
  const result = {
    runs: RUNS,
    profile: timing,
    harness: summaries(harness),
    dockerCliBaseline: summaries(baseline),
    curatorTestingCluster: 'error' in curator ? curator : { ...summaries(curator), versions: curator.versions },
    meta: runMetadata([{ runId: runIdentity().runId }], startedAt, new Date()),
  };
  mkdirSync(REPORTS_DIR, { recursive: true });
  const previous = previousBench(timing.name);
  writeFileSync(join(REPORTS_DIR, 'bench.json'), JSON.stringify(result, null, 2));
  printTable(result.harness, result.dockerCliBaseline, 'error' in curator ? {} : summaries(curator));
  printGoals(result.harness, result.dockerCliBaseline);
  printDrift(previous, result.harness);
  if ('error' in curator) console.log(`[bench] Curator TestingCluster: ${curator.error}`);
  console.log(`[bench] written ${join(REPORTS_DIR, 'bench.json')}`);
}

/** The resident memory of a 5-member, 8-node fleet with its gateway, once steady (#18: keep it under 1.5 GiB). */
async function benchMemory(timing: ReturnType<typeof settings>['timing']): Promise<void> {
  if (!engineEndpoint().local) throw new Error('--memory reads the fleet processes from this host\'s /proc: run it against a local engine');
  const spec = { zookeeperMembers: 5, webNodes: 8, gateway: true };
  console.log(`[bench] memory of a fleet of 5 members, 8 nodes and the gateway; ${describeProfile(timing)}`);
  const fleet = await buildFleet(spec, timing);
  try {
    const containers = [...fleet.ensemble.members, ...fleet.nodes, fleet.gateway()].map((c) => ({ id: c.actions.id, name: c.actions.name }));
    const rss = await containerRss(containers);
    const mib = (b: number) => Math.round(b / 2 ** 20);
    const byRole = (prefix: string) => Object.entries(rss).filter(([n]) => n.startsWith(prefix)).reduce((a, [, b]) => a + b, 0);
    const total = Object.values(rss).reduce((a, b) => a + b, 0);
    const result = { spec, fleetReadyMs: Math.round(fleet.timings.fleetReadyMs), rssMiB: Object.fromEntries(Object.entries(rss).map(([n, b]) => [n, mib(b)])),
      membersMiB: mib(byRole('zk-')), nodesMiB: mib(byRole('node-')), gatewayMiB: mib(byRole('gateway')), totalMiB: mib(total), goalMiB: 1536 };
    console.log(`[bench] RSS: ${result.membersMiB} MiB for 5 members, ${result.nodesMiB} MiB for 8 nodes, ${result.gatewayMiB} MiB for the gateway: ${result.totalMiB} MiB in all (goal ≤ 1536 MiB: ${total <= 1.5 * 2 ** 30 ? 'met' : 'MISSED'}); fleet ready in ${result.fleetReadyMs} ms`);
    mkdirSync(REPORTS_DIR, { recursive: true });
    writeFileSync(join(REPORTS_DIR, 'bench-memory.json'), JSON.stringify(result, null, 2));
    console.log(`[bench] written ${join(REPORTS_DIR, 'bench-memory.json')}`);
  } finally {
    await fleet.stop();
  }
}

/** `--scale`: how fleet ready, resets and suite time grow (#18), printed with the curve's shape; reports/bench-scale.json. */
async function benchScale(timing: ReturnType<typeof settings>['timing']): Promise<void> {
  console.log(`[bench] --scale: 3 and 5 members x 3, 5 and 8 nodes, then suites of 10, 20 and 40 scenarios; ${describeProfile(timing)}`);
  const fleets = await benchFleetScale(timing);
  const suites = benchSuiteScale();
  console.log(`\n${'members x nodes'.padEnd(17)}${'fleet ready'.padEnd(13)}${'reset: nothing'.padEnd(16)}${'network fault'.padEnd(15)}killed node`);
  for (const r of fleets) console.log(`${`${r.members} x ${r.nodes}`.padEnd(17)}${`${r.fleetReadyMs} ms`.padEnd(13)}${`${r.resetAfterNothingMs} ms`.padEnd(16)}${`${r.resetAfterNetworkFaultMs} ms`.padEnd(15)}${r.resetAfterKillMs} ms`);
  console.log(`\n${'scenarios'.padEnd(11)}${'wall time'.padEnd(12)}per scenario   passed / failed`);
  for (const r of suites) console.log(`${String(r.scenarios).padEnd(11)}${`${(r.wallMs / 1000).toFixed(1)} s`.padEnd(12)}${`${(r.wallMs / r.scenarios / 1000).toFixed(2)} s`.padEnd(15)}${r.passed} / ${r.failed}`);
  const curve = scaleCurve(fleets, suites);
  console.log(`\n[bench] curve: ${curve.words}`);
  mkdirSync(REPORTS_DIR, { recursive: true });
  writeFileSync(join(REPORTS_DIR, 'bench-scale.json'), JSON.stringify({ profile: timing, fleets, suites, curve, meta: runMetadata([{ runId: runIdentity().runId }], new Date(), new Date()) }, null, 2));
  console.log(`[bench] written ${join(REPORTS_DIR, 'bench-scale.json')}`);
  if (suites.some((s) => s.failed > 0)) process.exitCode = 1;
}

/** #18's goals beside what was measured: each met or missed, by the medians. */
function printGoals(h: Record<string, Summary>, b: Record<string, Summary>): void {
  const ratio = (k: string) => (h[k]?.median && b[k]?.median ? h[k]!.median! / b[k]!.median! : null);
  const goals: [string, number | null, string, boolean | null][] = [
    ['ensemble ready ≤ 1.15× the CLI baseline', ratio('ensembleReady'), 'x', ratio('ensembleReady') === null ? null : ratio('ensembleReady')! <= 1.15],
    ['fleet ready ≤ 1.15× the CLI baseline (3 members, 3 nodes, gateway, the same steady state)', ratio('fleetReady'), 'x', ratio('fleetReady') === null ? null : ratio('fleetReady')! <= 1.15],
    ['a node registered ≤ 2000 ms after its container starts (znode ctime − container start)', h.nodeRegisteredAfterStart?.median ?? null, ' ms', h.nodeRegisteredAfterStart?.median == null ? null : h.nodeRegisteredAfterStart.median <= 2000],
    ...([['resetAfterNothing', 'a scenario that did nothing', 100], ['resetAfterNetworkFault', 'a network fault (heal included)', 300], ['resetAfterKill', 'a killed member or node', 800]] as const)
      .map(([key, what, goal]): [string, number | null, string, boolean | null] => [`scenario reset after ${what} ≤ ${goal} ms`, h[key]?.median ?? null, ' ms', h[key]?.median == null ? null : h[key]!.median! <= goal]),
  ];
  console.log('\ngoals (#18, medians):');
  for (const [goal, value, unit, met] of goals) {
    console.log(`  ${met === null ? 'n/a   ' : met ? 'met   ' : 'MISSED'} ${goal}: ${value === null ? '-' : unit === 'x' ? `${value.toFixed(2)}x` : `${Math.round(value)}${unit}`}`);
  }
  const heal = h.resetAfterNetworkFaultHeal?.median, rejoin = h.resetAfterNetworkFaultRejoin?.median, whole = h.resetAfterNetworkFault?.median;
  if (heal != null && rejoin != null && whole != null) {
    console.log(`         where a reset after a network fault went (medians): the heal ${Math.round(heal)} ms (harness), then the isolated member rejoining ${Math.round(rejoin)} ms and the nodes' steady state ${Math.round(Math.max(0, whole - heal - rejoin))} ms (the fleet's own recovery, verified by the harness as it goes)`);
  }
  // The suite's overhead is a figure of a whole npm test run, not of the bench: the latest run's, named as such.
  const overhead = latestSuiteOverhead();
  console.log(!overhead ? '  n/a    suite overhead ≤ 25%: no npm test run in reports/ yet (npm test prints and keeps it in run.json)'
    : overhead.selection ? `  n/a    suite overhead ≤ 25%: the latest run in reports/ was a selection (${overhead.selection}), ${(overhead.share * 100).toFixed(1)}% over ${overhead.scenarios} scenarios; the whole suite's figure comes from a plain npm test`
      : `  ${overhead.share <= 0.25 ? 'met   ' : 'MISSED'} suite overhead (fleet builds, resets, applying and healing faults) ≤ 25% of its scenarios' time: ${(overhead.share * 100).toFixed(1)}% over ${overhead.scenarios} scenarios (the latest npm test, ${overhead.finishedAt})`);
}

/** The bench.json this run replaces, if it ran under the same timing profile (another profile's figures differ by design). */
function previousBench(profile: string): { harness: Record<string, Summary>; label: string } | null {
  try {
    const prior = JSON.parse(readFileSync(join(REPORTS_DIR, 'bench.json'), 'utf8')) as { profile?: { name?: string }; harness?: Record<string, Summary>; meta?: { commit?: string; finishedAt?: string } };
    if (!prior.harness || prior.profile?.name !== profile) return null;
    return { harness: prior.harness, label: `${prior.meta?.commit?.slice(0, 7) ?? 'unknown commit'}, ${prior.meta?.finishedAt ?? 'unknown date'}` };
  } catch {
    return null;
  }
}

/** #18: no recovery figure may get worse. Each one against the previous bench's, by its spread. */
function printDrift(previous: ReturnType<typeof previousBench>, current: Record<string, Summary>): void {
  if (!previous) {
    console.log('\nrecovery figures against the previous bench: none in reports/ under this profile');
    return;
  }
  console.log(`\nrecovery figures against the previous bench (${previous.label}), medians; slower = beyond its p95:`);
  for (const d of recoveryDrift(previous.harness, current)) {
    console.log(`  ${d.verdict === 'slower' ? 'SLOWER' : d.verdict === 'faster' ? 'faster' : 'same  '} ${d.key}: ${d.before.median} -> ${d.after.median} ms (previous p95 ${d.before.p95})`);
  }
}

function latestSuiteOverhead(): { share: number; finishedAt: string; scenarios: number; selection: string | null } | null {
  try {
    const run = JSON.parse(readFileSync(join(REPORTS_DIR, 'run.json'), 'utf8')) as { overhead?: { share?: number; faultApplicationMs?: number }; finishedAt?: string;
      selection?: string | null; scenariosByEngine?: Record<string, number> };
    // Runs before the overhead counted fault spans (faultApplicationMs) measured something else: not comparable.
    if (typeof run.overhead?.share !== 'number' || run.overhead.faultApplicationMs === undefined) return null;
    const scenarios = Object.values(run.scenariosByEngine ?? {}).reduce((a, b) => a + b, 0);
    return { share: run.overhead.share, finishedAt: run.finishedAt ?? 'unknown', scenarios, selection: run.selection ?? null };
  } catch {
    return null;
  }
}

function printTable(h: Record<string, Summary>, b: Record<string, Summary>, c: Record<string, Summary>): void {
  const cell = (s?: Summary) => (s && s.median !== null ? `${s.median} / ${s.p95}` : '-');
  const ratio = (a?: Summary, base?: Summary) => (a?.median && base?.median ? `${(a.median / base.median).toFixed(2)}x` : '-');
  console.log(`\n${'measure (ms, median / p95)'.padEnd(34)}${'harness'.padEnd(18)}${'docker CLI'.padEnd(18)}${'harness/CLI'.padEnd(13)}Curator TestingCluster`);
  for (const key of Object.keys(h)) {
    console.log(`${key.padEnd(34)}${cell(h[key]).padEnd(18)}${cell(b[key]).padEnd(18)}${ratio(h[key], b[key]).padEnd(13)}${cell(c[key])}`);
  }
}

main()
  .catch((e) => {
    console.error(`[bench] ${(e as Error).stack}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await sweep({ runId: runIdentity().runId }).catch(() => undefined);
    process.exit();
  });
