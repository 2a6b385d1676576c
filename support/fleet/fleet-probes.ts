// Observations of the web fleet for `within`/`for` steps: each returns ok plus what was seen.
import { Observation } from '../../containers/shared/deadline';
import { StartedFleet } from './started-fleet';
import { NodeStatus } from '../../containers/web-node/started-web-node';
import { WatchedCheck } from '../timing/watched';
import { ChildrenSnapshot } from '../../containers/zookeeper-client/children-cache';
import { registeredNamesOf } from '../clients/fleet-watches';
import { SERVICES_PATH } from '../../containers/zookeeper-client/fleet-paths';

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'none');
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

// Judges of a registration list, shared by the polled checks and the watched ones.
export const judgeExactly = (expected: readonly string[]) => (registered: readonly string[]): Observation =>
  ({ ok: sameSet(registered, expected), seen: `registered: ${list(registered)}` });
export const judgeCount = (count: number) => (registered: readonly string[]): Observation =>
  ({ ok: registered.length === count, seen: `${registered.length} registered: ${list(registered)}` });
export const judgeRegistered = (node: string, expected: boolean) => (registered: readonly string[]): Observation =>
  ({ ok: registered.includes(node) === expected, seen: `registered: ${list(registered)}` });

async function registeredExactly(fleet: StartedFleet, expected: readonly string[]): Promise<Observation> {
  return judgeExactly(expected)(await fleet.view.registeredNodes());
}

async function registeredCount(fleet: StartedFleet, count: number): Promise<Observation> {
  return judgeCount(count)(await fleet.view.registeredNodes());
}

async function isRegistered(fleet: StartedFleet, node: string, expected: boolean): Promise<Observation> {
  return judgeRegistered(node, expected)(await fleet.view.registeredNodes());
}

/** A registration condition judged on every snapshot of the fleet's watch on /fleet/services/web. */
function watchedRegistrations(fleet: StartedFleet, judge: (registered: readonly string[]) => Observation): WatchedCheck<ChildrenSnapshot> {
  return { source: fleet.watches().registrations, judge: (s) => judge(registeredNamesOf(s)), watching: SERVICES_PATH };
}

/** The watch on /fleet/services/web is live and its newest snapshot shows exactly `expected`. */
function watchAgrees(fleet: StartedFleet, expected: readonly string[]): Observation {
  const cache = fleet.watches().registrations;
  cache.follow();
  const newest = cache.snapshots().at(-1);
  if (cache.state() !== 'WATCHING' || !newest) return { ok: false, seen: cache.describe() };
  const judged = judgeExactly(expected)(registeredNamesOf(newest));
  return { ok: judged.ok, seen: `${judged.seen} (as the watch on ${SERVICES_PATH} saw it)` };
}

export const watchedFleetProbes = {
  watchAgrees,
  isRegistered: (fleet: StartedFleet, node: string, expected: boolean) => watchedRegistrations(fleet, judgeRegistered(node, expected)),
  registeredCount: (fleet: StartedFleet, count: number) => watchedRegistrations(fleet, judgeCount(count)),
};

/**
 * Every node's own process says it is registered (its session's znode seen on the server). The registry alone can't
 * tell: a killed node's znode outlives its process until the session expires, and looks just like a live one.
 */
export function judgeSelfRegistered(statuses: Readonly<Record<string, NodeStatus | string>>): Observation {
  const not = Object.entries(statuses).filter(([, s]) => typeof s === 'string' || !s.registered);
  return { ok: Object.keys(statuses).length > 0 && not.length === 0,
    seen: not.length ? `not registered by their own account: ${not.map(([n, s]) => `${n} (${typeof s === 'string' ? s : `registered=false, zk ${s.zk}`})`).join(', ')}` : 'every node says it is registered' };
}

/**
 * Every node vouches for its own registration, and exactly one leads: both judged on one read of every node's
 * /status (the steady state polls this every 25 ms).
 */
async function selfRegisteredWithOneJettyLeader(fleet: StartedFleet): Promise<Observation> {
  const statuses = await fleet.view.statuses();
  const own = judgeSelfRegistered(statuses);
  if (!own.ok) return own;
  return exactlyOneJettyLeader(fleet, statuses);
}

/** `known`: every node's /status just read by the caller (FleetView.jettyLeader then asks no node again). */
async function exactlyOneJettyLeader(fleet: StartedFleet, known?: Readonly<Record<string, NodeStatus | string>>): Promise<Observation> {
  const { leader, seen } = await fleet.view.jettyLeader(known);
  return { ok: leader !== null, seen };
}

async function newJettyLeader(fleet: StartedFleet, previous: string | null): Promise<Observation> {
  const { leader, seen } = await fleet.view.jettyLeader();
  return { ok: leader !== null && leader !== previous, seen: `${seen} (previous leader ${previous ?? 'unknown'})` };
}

async function gatewayRoutesOnlyTo(fleet: StartedFleet, expected: readonly string[]): Promise<Observation> {
  const status = await fleet.gateway().status();
  const backends = status.backends.map((b) => b.node);
  return { ok: sameSet(backends, expected), seen: `gateway backends: ${list(backends)} (zk ${status.zk})` };
}

/** Every node that is registered (and answers) runs `version`. */
async function registeredRunVersion(fleet: StartedFleet, version: number): Promise<Observation> {
  const registered = await fleet.view.registeredNodes();
  const statuses = await fleet.view.statuses();
  const versions = registered.map((n) => [n, versionOf(statuses[n])] as const);
  const ok = registered.length > 0 && versions.every(([, v]) => v === version);
  return { ok, seen: versions.map(([n, v]) => `${n} ${typeof v === 'number' ? `v${v}` : v}`).join(', ') || 'no node registered' };
}

/** Every running node runs `version` (for the config steps that return when the fleet has applied it). */
async function runningRunVersion(fleet: StartedFleet, version: number): Promise<Observation> {
  const statuses = await fleet.view.statuses();
  const running = Object.entries(statuses).filter(([, s]) => typeof s !== 'string');
  const ok = running.length > 0 && running.every(([, s]) => versionOf(s) === version);
  return { ok, seen: Object.entries(statuses).map(([n, s]) => `${n} ${typeof s === 'string' ? s : `v${s.configVersion}`}`).join(', ') };
}

/** Every running node reports the config published at `zxid` as rejected. */
async function rejectedEverywhere(fleet: StartedFleet, zxid: number): Promise<Observation> {
  const statuses = await fleet.view.statuses();
  const running = Object.entries(statuses).filter(([, s]) => typeof s !== 'string') as [string, NodeStatus][];
  const ok = running.length > 0 && running.every(([, s]) => s.rejected !== null && s.rejected.zxid === zxid);
  return { ok, seen: running.map(([n, s]) => `${n}: ${s.rejected ? `rejected zxid ${s.rejected.zxid} (${s.rejected.reason})` : 'nothing rejected'}`).join('; ') };
}

/** A node's config version as the messages show it: the version, or why there is none (its state, `unknown`). */
export function versionOf(status: NodeStatus | string | undefined): number | string {
  return status === undefined ? 'unknown' : typeof status === 'string' ? status : status.configVersion;
}

export const fleetProbes = {
  registeredExactly, registeredCount, isRegistered, selfRegisteredWithOneJettyLeader, exactlyOneJettyLeader, newJettyLeader,
  gatewayRoutesOnlyTo, registeredRunVersion, runningRunVersion, rejectedEverywhere,
};
