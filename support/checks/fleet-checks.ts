// Observations of the web fleet for `within`/`for` steps: each returns ok plus what was seen.
import { Observation } from '../timing/eventually';
import { StartedFleet } from '../fleet/started-fleet';
import { NodeStatus } from '../../containers/web-node/started-web-node';

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'none');
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

async function registeredExactly(fleet: StartedFleet, expected: readonly string[]): Promise<Observation> {
  const registered = await fleet.view.registeredNodes();
  return { ok: sameSet(registered, expected), seen: `registered: ${list(registered)}` };
}

async function registeredCount(fleet: StartedFleet, count: number): Promise<Observation> {
  const registered = await fleet.view.registeredNodes();
  return { ok: registered.length === count, seen: `${registered.length} registered: ${list(registered)}` };
}

async function isRegistered(fleet: StartedFleet, node: string, expected: boolean): Promise<Observation> {
  const registered = await fleet.view.registeredNodes();
  return { ok: registered.includes(node) === expected, seen: `registered: ${list(registered)}` };
}

async function exactlyOneJettyLeader(fleet: StartedFleet): Promise<Observation> {
  const { leader, seen } = await fleet.view.jettyLeader();
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
  return { ok, seen: versions.map(([n, v]) => `${n} v${v}`).join(', ') || 'no node registered' };
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

function versionOf(status: NodeStatus | string | undefined): number | string {
  return status === undefined ? 'unknown' : typeof status === 'string' ? status : status.configVersion;
}

export const fleetChecks = {
  registeredExactly, registeredCount, isRegistered, exactlyOneJettyLeader, newJettyLeader,
  gatewayRoutesOnlyTo, registeredRunVersion, runningRunVersion, rejectedEverywhere,
};
