// The verified steady state every scenario starts from: all members up with one leader and writes accepted;
// every node running and registered (and the registrations watch live); one Jetty leader; the gateway routing to every node.
import { eventually, Observation } from '../../containers/shared/deadline';
import { describeModes, roleCounts } from '../../containers/zookeeper/four-letter-words';
import { tryWrite } from '../clients/zookeeper-session';
import { StartedFleet } from './started-fleet';
import { fleetProbes, watchedFleetProbes } from './fleet-probes';
import { ensembleProbes } from './ensemble-probes';

export async function ensembleSteady(fleet: StartedFleet): Promise<Observation> {
  const modes = await fleet.ensemble.modes();
  const { leaders, followers } = roleCounts(modes);
  if (leaders !== 1 || leaders + followers !== fleet.ensemble.size) return { ok: false, seen: describeModes(modes) };
  const write = await tryWrite(fleet.ensemble.getConnectString(), 2000);
  return { ok: write.ok, seen: write.ok ? describeModes(modes) : write.detail };
}

export async function fleetSteady(fleet: StartedFleet): Promise<Observation> {
  const ensemble = await ensembleSteady(fleet);
  if (!ensemble.ok || fleet.nodes.length === 0) return ensemble;
  const registered = await fleetProbes.registeredExactly(fleet, fleet.nodeNames());
  if (!registered.ok) return registered;
  // Scenarios judge registrations on the watch's snapshots: it must be live before any fault.
  const watched = watchedFleetProbes.watchAgrees(fleet, fleet.nodeNames());
  if (!watched.ok) return watched;
  const leader = await fleetProbes.exactlyOneJettyLeader(fleet);
  if (!leader.ok) return leader;
  return fleet.gatewayContainer ? fleetProbes.gatewayRoutesOnlyTo(fleet, fleet.nodeNames()) : leader;
}

export async function awaitSteadyState(fleet: StartedFleet, withinMs: number): Promise<void> {
  await eventually('the fleet to be steady (one ZooKeeper leader, writes accepted, every node registered, one Jetty leader, the gateway routing to all)',
    () => fleetSteady(fleet), withinMs, { pollMs: 100 });
}

/** Brings every container back (start, unpause), forgets the config, and waits for the steady state. */
export async function restoreSteadyState(fleet: StartedFleet, withinMs: number): Promise<void> {
  for (const member of fleet.ensemble.members) await member.bringBack();
  for (const node of fleet.nodes) await node.bringBack();
  if (fleet.nodes.length) {
    // Nodes keep serving what they have and accept any version next: the scenario's own config then applies.
    await eventually('the ensemble to accept writes before the config reset', () => ensembleSteady(fleet), withinMs, { pollMs: 100 });
    await fleet.config.remove();
  }
  await awaitSteadyState(fleet, withinMs);
}
