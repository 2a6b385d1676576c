// The harness measuring itself: boot the fleet, run a fixed set of faults, and time each recovery with the
// same observations the scenarios use (registrations on the watch, the rest polled; the latch watch wakes a poll).
import { buildFleet } from '../fleet/fleet-builder';
import { awaitEnsembleSteady, restoreSteadyState } from '../fleet/steady-state';
import { StartedFleet } from '../fleet/started-fleet';
import { fleetProbes, watchedFleetProbes } from '../fleet/fleet-probes';
import { measureWatched, WatchedCheck } from '../timing/watched';
import { ChildrenSnapshot } from '../../containers/zookeeper-client/children-cache';
import { ensembleProbes } from '../fleet/ensemble-probes';
import { measure, now, Condition, Wake } from '../../containers/shared/deadline';
import { TimingProfile } from '../../containers/shared/timing-profile';
import { progress } from '../progress';
import { registrationLags } from './registration-lag';
import { FaultLog } from '../faults/fault';
import { applyNetworkFault } from '../faults/network-faults';

export type HarnessFigures = Record<'ensembleReady' | 'fleetReady' | 'nodesRegistered' | 'nodeRegisteredAfterStart' | 'zkLeaderLossToWrites' | 'nodeCrashToDeregistered' | 'jettyLeaderHandover' | 'configPropagation' | 'scenarioReset'
  | 'resetAfterNothing' | 'resetAfterNetworkFault' | 'resetAfterKill' | 'resetAfterNetworkFaultHeal' | 'resetAfterNetworkFaultRejoin' | 'killStep'
  | 'zkLeaderLossToWritesFromKill' | 'nodeCrashToDeregisteredFromKill' | 'jettyLeaderHandoverFromKill', number[]>;

/**
 * A kill's recovery also counted from the kill's start (the step's duration added): DESIGN 4 counts from the step's
 * end, so a kill step that answers sooner reads as a longer recovery; this figure shows whether the fleet got slower.
 */
const FROM_KILL = {
  zkLeaderLossToWrites: 'zkLeaderLossToWritesFromKill',
  nodeCrashToDeregistered: 'nodeCrashToDeregisteredFromKill',
  jettyLeaderHandover: 'jettyLeaderHandoverFromKill',
} as const satisfies Partial<Record<keyof HarnessFigures, keyof HarnessFigures>>;

/** Where a reset's time went: the heal (harness work), then the wait for every member to serve again. */
export interface ResetParts {
  healMs: number;
  /** From the heal's end until every member serves with one leader: mostly the fleet's own rejoin. */
  ensembleMs: number;
}

/**
 * A reset as the suite's pool does one (fleet-pool.ts): heal what is left, restore and verify the steady state.
 * With `parts`, the wait for the ensemble is timed on its own first (the restore then finds it ready).
 */
export async function timedReset(fleet: StartedFleet, faults?: FaultLog, parts?: ResetParts): Promise<number> {
  const startedAt = now();
  await faults?.healAll();
  const healedAt = now();
  if (parts) {
    await awaitEnsembleSteady(fleet, 'every member serving again after the heal', 60_000);
    Object.assign(parts, { healMs: healedAt - startedAt, ensembleMs: now() - healedAt });
  }
  await restoreSteadyState(fleet, 60_000);
  return now() - startedAt;
}

/** `firstRun` numbers the runs (and the config versions they publish) when runs are interleaved with the baseline's. */
export async function benchHarness(runs: number, timing: TimingProfile, firstRun = 1): Promise<HarnessFigures> {
  const figures: HarnessFigures = { ensembleReady: [], fleetReady: [], nodesRegistered: [], nodeRegisteredAfterStart: [], zkLeaderLossToWrites: [], nodeCrashToDeregistered: [], jettyLeaderHandover: [], configPropagation: [], scenarioReset: [],
    resetAfterNothing: [], resetAfterNetworkFault: [], resetAfterKill: [], resetAfterNetworkFaultHeal: [], resetAfterNetworkFaultRejoin: [], killStep: [],
    zkLeaderLossToWritesFromKill: [], nodeCrashToDeregisteredFromKill: [], jettyLeaderHandoverFromKill: [] };
  for (let run = firstRun; run < firstRun + runs; run++) {
    progress(`bench (harness) run ${run}`);
    const fleet = await buildFleet({ zookeeperMembers: 3, webNodes: 3, gateway: true }, timing);
    try {
      figures.ensembleReady.push(fleet.timings.ensembleReadyMs);
      figures.fleetReady.push(fleet.timings.fleetReadyMs);
      figures.nodesRegistered.push(fleet.timings.nodesReadyMs);
      // Each node's own figure: its registration znode's ctime minus its container's start (registration-lag.ts).
      figures.nodeRegisteredAfterStart.push(...Object.values(await registrationLags(fleet)));
      // A scenario that did nothing: the reset finds the fleet as it left it.
      figures.resetAfterNothing.push(await timedReset(fleet));
      const byKind = { nothing: figures.resetAfterNothing, network: figures.resetAfterNetworkFault, kill: figures.resetAfterKill };
      const timed = async (what: string, kind: keyof typeof byKind, fault: (log: FaultLog) => Promise<unknown>, condition: Condition | WatchedCheck<ChildrenSnapshot>, into: keyof HarnessFigures | null, wake?: Wake) => {
        const log = new FaultLog();
        const faultFrom = now();
        await fault(log);
        const stepMs = now() - faultFrom;
        // Recovery figures count from the fault step's end (DESIGN 4): a kill step that answers sooner makes them
        // read longer for the same recovery, so its own duration is kept beside them.
        if (kind === 'kill') figures.killStep.push(stepMs);
        const m = typeof condition === 'function'
          ? await measure(what, condition, 30_000, { sinceMs: now(), overrunFactor: 1, wake })
          : await measureWatched(what, condition.source, condition.judge, 30_000, { sinceMs: now(), overrunFactor: 1, watching: condition.watching });
        if (m.measuredMs === null) throw new Error(`bench: ${what} not seen within 30 s (last seen ${m.lastSeen})`);
        if (into) figures[into].push(m.measuredMs);
        const fromKill = into && into in FROM_KILL ? FROM_KILL[into as keyof typeof FROM_KILL] : undefined;
        if (fromKill) figures[fromKill].push(m.measuredMs + stepMs);
        const parts = kind === 'network' ? { healMs: 0, ensembleMs: 0 } : undefined;
        const resetMs = await timedReset(fleet, log, parts);
        if (parts) {
          figures.resetAfterNetworkFaultHeal.push(parts.healMs);
          figures.resetAfterNetworkFaultRejoin.push(parts.ensembleMs);
        }
        figures.scenarioReset.push(resetMs);
        byKind[kind].push(resetMs);
      };
      await timed('writes after the ZooKeeper leader was killed', 'kill', async () => (await fleet.ensemble.leader()).kill(), () => ensembleProbes.acceptsWrites(fleet), 'zkLeaderLossToWrites');
      const follower = await followerNode(fleet);
      await timed(`${follower} to deregister after a crash`, 'kill', () => fleet.node(follower).kill(), watchedFleetProbes.isRegistered(fleet, follower, false), 'nodeCrashToDeregistered');
      const leader = (await fleet.view.jettyLeader()).leader;
      await timed('a new Jetty leader', 'kill', () => fleet.node(leader!).kill(), () => fleetProbes.newJettyLeader(fleet, leader), 'jettyLeaderHandover', fleet.watches().latch);
      await timed('every node on the new config', 'nothing', () => fleet.config.publish(JSON.stringify({ version: run + 1, greeting: `bench ${run}` }), 20_000),
        () => fleetProbes.runningRunVersion(fleet, run + 1), 'configPropagation');
      // A network fault: the ZooKeeper leader isolated from the others; writes come back through a new leader.
      const zkLeader = (await fleet.ensemble.leader()).name;
      const others = fleet.ensemble.members.map((m) => m.name).filter((n) => n !== zkLeader);
      await timed('writes after the ZooKeeper leader was isolated', 'network', (log) => applyNetworkFault(fleet, { kind: 'isolate', sides: [[zkLeader], others] }, log),
        () => ensembleProbes.acceptsWrites(fleet), null);
    } finally {
      await fleet.stop();
    }
  }
  return figures;
}

async function followerNode(fleet: StartedFleet): Promise<string> {
  const { leader } = await fleet.view.jettyLeader();
  return fleet.nodeNames().find((n) => n !== leader)!;
}
