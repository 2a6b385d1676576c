// The verified steady state every scenario starts from: all members up with one leader and writes accepted;
// every node running and registered (and the registrations watch live); one Jetty leader; the gateway routing to every node.
import { eventually, Observation } from '../../containers/shared/deadline';
import { StartedFleet } from './started-fleet';
import { componentsOf } from './components/fleet-components';
import { zookeeperComponent } from './components/zookeeper-component';

/** The ensemble's part alone: before the config reset, writes must land. */
export function ensembleSteady(fleet: StartedFleet): Promise<Observation> {
  return zookeeperComponent.steady(fleet);
}

/** Every component's part, in order; the first that is not steady says why. */
export async function fleetSteady(fleet: StartedFleet): Promise<Observation> {
  let last: Observation = { ok: false, seen: 'no component' };
  for (const component of componentsOf(fleet.spec)) {
    last = await component.steady(fleet);
    if (!last.ok) return last;
  }
  return last;
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
