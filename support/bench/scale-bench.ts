// How the harness's cost grows (#18, `npm run bench -- --scale`): fleet ready and each kind of reset for 3 and 5
// members x 3, 5 and 8 nodes (gateway included), and the wall time of suites of 10, 20 and 40 scenarios run by
// cucumber-js exactly as `npm test` runs them, with its reports kept out of reports/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildFleet } from '../fleet/fleet-builder';
import { FleetSpec } from '../fleet/fleet-spec';
import { FaultLog } from '../faults/fault';
import { applyNetworkFault } from '../faults/network-faults';
import { watchedFleetProbes } from '../fleet/fleet-probes';
import { ensembleProbes } from '../fleet/ensemble-probes';
import { measureWatched } from '../timing/watched';
import { measure, now } from '../../containers/shared/deadline';
import { TimingProfile } from '../../containers/shared/timing-profile';
import { progress } from '../progress';
import { timedReset } from './harness-bench';

export interface FleetScaleRow {
  readonly members: number;
  readonly nodes: number;
  readonly fleetReadyMs: number;
  readonly resetAfterNothingMs: number;
  readonly resetAfterNetworkFaultMs: number;
  readonly resetAfterKillMs: number;
}

export interface SuiteScaleRow {
  readonly scenarios: number;
  readonly wallMs: number;
  readonly passed: number;
  readonly failed: number;
}

export const FLEET_SHAPES: readonly (readonly [number, number])[] = [[3, 3], [3, 5], [3, 8], [5, 3], [5, 5], [5, 8]];
export const SUITE_SIZES: readonly number[] = [10, 20, 40];
const REPO_ROOT = join(__dirname, '..', '..');

/** One fleet of each shape: its build, then a reset after nothing, after an isolated ZooKeeper leader, after a crashed node. */
export async function benchFleetScale(timing: TimingProfile, shapes = FLEET_SHAPES): Promise<FleetScaleRow[]> {
  const rows: FleetScaleRow[] = [];
  for (const [members, nodes] of shapes) {
    progress(`bench --scale: ${members} members, ${nodes} nodes and the gateway`);
    const spec: FleetSpec = { zookeeperMembers: members, webNodes: nodes, gateway: true };
    const fleet = await buildFleet(spec, timing);
    try {
      const resetAfterNothingMs = await timedReset(fleet);
      const leader = (await fleet.ensemble.leader()).name;
      const others = fleet.ensemble.members.map((m) => m.name).filter((n) => n !== leader);
      const network = new FaultLog();
      await applyNetworkFault(fleet, { kind: 'isolate', sides: [[leader], others] }, network);
      requireSeen(await measure('writes after the ZooKeeper leader was isolated', () => ensembleProbes.acceptsWrites(fleet), 30_000, { sinceMs: now(), overrunFactor: 1 }));
      const resetAfterNetworkFaultMs = await timedReset(fleet, network);
      // A crashed node is reset once the fleet has noticed (its znode gone), as a scenario would have waited for.
      const { leader: jettyLeader } = await fleet.view.jettyLeader();
      const victim = fleet.nodeNames().find((n) => n !== jettyLeader)!;
      await fleet.node(victim).kill();
      const gone = watchedFleetProbes.isRegistered(fleet, victim, false);
      requireSeen(await measureWatched(`${victim} to deregister`, gone.source, gone.judge, 30_000, { sinceMs: now(), overrunFactor: 1, watching: gone.watching }));
      const resetAfterKillMs = await timedReset(fleet);
      rows.push({ members, nodes, fleetReadyMs: Math.round(fleet.timings.fleetReadyMs), resetAfterNothingMs: Math.round(resetAfterNothingMs),
        resetAfterNetworkFaultMs: Math.round(resetAfterNetworkFaultMs), resetAfterKillMs: Math.round(resetAfterKillMs) });
    } finally {
      await fleet.stop();
    }
  }
  return rows;
}

function requireSeen(m: { measuredMs: number | null; lastSeen: string }): void {
  if (m.measuredMs === null) throw new Error(`bench --scale: not seen within 30 s (last seen ${m.lastSeen})`);
}

/**
 * A suite of `count` scenarios on one fleet shape (3 members, 3 nodes, gateway), as a newcomer writes them:
 * every other scenario crashes a Jetty follower and awaits its deregistration, the rest check the steady fleet.
 */
export function scaleFeature(count: number): string {
  const scenarios = Array.from({ length: count }, (_, i) => i % 2 === 0
    ? `  Scenario: crashed follower ${i + 1}\n    Given a ZooKeeper ensemble of 3 members\n    And 3 Jetty nodes behind the gateway\n    When a Jetty follower crashes\n    Then within 10 seconds exactly 2 Jetty nodes are registered\n`
    : `  Scenario: steady fleet ${i + 1}\n    Given a ZooKeeper ensemble of 3 members\n    And 3 Jetty nodes behind the gateway\n    Then there is exactly one Jetty leader\n    And exactly 3 Jetty nodes are registered\n`);
  return `Feature: scale ${count}\n\n${scenarios.join('\n')}`;
}

/** Runs generated suites through cucumber-js (the project's own support code, a summary formatter only). */
export function benchSuiteScale(sizes = SUITE_SIZES): SuiteScaleRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'zkh-scale-'));
  try {
    // The project's default profile with the summary formatter only: its others would overwrite the latest npm
    // test's reports. (cucumber-js joins --config to its working directory, hence a relative path.)
    const config = join(dir, 'cucumber.js');
    writeFileSync(config, `const base = require(${JSON.stringify(join(REPO_ROOT, 'cucumber.js'))}).default;\nmodule.exports = { default: { ...base, format: ['summary'] } };\n`);
    return sizes.map((count) => {
      const feature = join(dir, `scale-${count}.feature`);
      writeFileSync(feature, scaleFeature(count));
      progress(`bench --scale: a suite of ${count} scenarios`);
      const startedAt = now();
      const run = spawnSync('npx', ['cucumber-js', '--config', relative(REPO_ROOT, config), feature], {
        cwd: REPO_ROOT, encoding: 'utf8', timeout: 30 * 60_000,
        env: { ...process.env, ZKH_REPORTS_DIR: join(dir, `reports-${count}`), ZKH_QUIET: '1' },
      });
      const wallMs = Math.round(now() - startedAt);
      const counts = /(\d+) scenarios? \(([^)]*)\)/.exec(run.stdout ?? '');
      const of = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(counts?.[2] ?? '')?.[1] ?? 0);
      if (!counts) throw new Error(`bench --scale: cucumber-js printed no scenario count for ${count} scenarios (exit ${run.status}): ${(run.stderr ?? '').slice(-500)}`);
      return { scenarios: count, wallMs, passed: of('passed'), failed: of('failed') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Least-squares slopes: fleet ready per node (at 3 and 5 members) and suite time per scenario, with the fixed part. */
export function scaleCurve(fleets: readonly FleetScaleRow[], suites: readonly SuiteScaleRow[]): { msPerNode: Record<number, number>; msPerScenario: number; fixedMs: number; words: string } {
  const fit = (xs: number[], ys: number[]) => {
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / (xs.reduce((a, x) => a + (x - mx) ** 2, 0) || 1);
    return { slope, intercept: my - slope * mx };
  };
  const msPerNode: Record<number, number> = {};
  for (const members of [...new Set(fleets.map((f) => f.members))]) {
    const rows = fleets.filter((f) => f.members === members);
    msPerNode[members] = Math.round(fit(rows.map((r) => r.nodes), rows.map((r) => r.fleetReadyMs)).slope);
  }
  const suite = fit(suites.map((s) => s.scenarios), suites.map((s) => s.wallMs));
  const words = `fleet ready grows by ${Object.entries(msPerNode).map(([m, ms]) => `${ms} ms per node at ${m} members`).join(', ')}; `
    + `a suite costs ${(suite.intercept / 1000).toFixed(1)} s once plus ${(suite.slope / 1000).toFixed(2)} s per scenario (linear: one fleet build, then a reset per scenario)`;
  return { msPerNode, msPerScenario: Math.round(suite.slope), fixedMs: Math.round(suite.intercept), words };
}
