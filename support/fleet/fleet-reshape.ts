// A fleet of another shape around the same ensemble: when the next scenario asks for as many ZooKeeper members
// as the fleet has, only the components that differ are removed or started (a gateway dropped, nodes of another
// leadership policy), instead of removing everything and building again (5-12 s a shape in the suite). The
// ensemble goes through the same verified reset as between two scenarios of one shape.
import { StartedGateway } from '../../containers/gateway/started-gateway';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { TimingProfile, scaleDeadline } from '../../containers/shared/timing-profile';
import { now } from '../../containers/shared/deadline';
import { runIdentity } from '../docker/run-identity';
import { sweep } from '../docker/sweep';
import { progress } from '../progress';
import { componentsOf } from './components/fleet-components';
import { nodeNames, startComponents } from './fleet-builder';
import { FleetSpec, specKey } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { awaitSteadyState, restoreSteadyState } from './steady-state';

export interface ReshapePlan {
  /** The nodes stay when the new shape asks for as many, with the same leadership policy. */
  readonly keepNodes: boolean;
  /** The gateway stays when it is still wanted and so are the nodes it was allowed to route to. */
  readonly keepGateway: boolean;
}

/** What a fleet of `from` keeps for a fleet of `to`, or null when only a fresh build will do (another ensemble size). */
export function reshapePlan(from: FleetSpec, to: FleetSpec): ReshapePlan | null {
  if (from.zookeeperMembers !== to.zookeeperMembers || to.zookeeperMembers === 0 || specKey(from) === specKey(to)) return null;
  const keepNodes = to.webNodes > 0 && from.webNodes === to.webNodes && (from.leaderPolicy ?? 'standard') === (to.leaderPolicy ?? 'standard');
  return { keepNodes, keepGateway: keepNodes && from.gateway && to.gateway };
}

/**
 * Turns `old` (verified steady first) into a fleet of `spec` on the same ensemble and network. On any failure
 * every container of this run is removed (nothing half-shaped is left) and the error is thrown: the pool then
 * builds a fresh fleet.
 */
export async function reshapeFleet(old: StartedFleet, spec: FleetSpec, timing: TimingProfile): Promise<StartedFleet> {
  const plan = reshapePlan(old.spec, spec);
  if (!plan) throw new Error(`a fleet of ${specKey(old.spec)} cannot become one of ${specKey(spec)}: the ensemble differs`);
  const startedAt = now();
  const withinMs = scaleDeadline(timing, 60_000);
  let fleet: StartedFleet | undefined;
  try {
    // The config forgotten and every container that stays back, as between two scenarios: new nodes must not
    // start on the last scenario's config, and a member the last scenario killed must be back. Nodes about to go
    // are not waited for (after a cut-off they would first re-register: seconds for nothing).
    await restoreSteadyState(old, withinMs, !plan.keepNodes);
    const leaving = [...(plan.keepNodes ? [] : old.nodes), ...(old.gatewayContainer && !plan.keepGateway ? [old.gatewayContainer] : [])];
    const sidecars = await old.handOver(leaving);
    const kept = new Set(['zookeeper', ...(plan.keepNodes ? ['web-node'] : []), ...(plan.keepGateway ? ['gateway'] : [])]);
    const ctx = { spec, timing, networkName: old.network.name, memberAddress: (n: number) => old.network.fixedAddress(n), labels: runIdentity().labels, zkConnect: old.ensemble.getNetworkConnectString(), nodeNames: nodeNames(spec.webNodes) };
    const { started, phases } = await startComponents(componentsOf(spec).filter((c) => !kept.has(c.kind)), ctx);
    const nodes = plan.keepNodes ? old.nodes : (started['web-node'] as StartedWebNode[] | undefined) ?? [];
    const gateway = plan.keepGateway ? old.gatewayContainer : started.gateway as StartedGateway | undefined;
    fleet = new StartedFleet(spec, old.network, old.ensemble, old.credentials, nodes, gateway);
    for (const [name, sidecar] of sidecars) fleet.sidecars.set(name, sidecar);
    await awaitSteadyState(fleet, withinMs);
    const removed = leaving.map((c) => c.actions.name);
    progress(`reshaped the fleet ${specKey(old.spec)} into ${specKey(spec)} in ${Math.round(now() - startedAt)} ms: kept ${[...kept].join(', ')}${removed.length ? `; removed ${removed.join(', ')}` : ''}${phases.length ? `; started ${phases.join(', ')}` : ''}`);
    return fleet;
  } catch (e) {
    // The fleet's sessions and watches closed (the old one's, if it was not yet handed over), then whatever
    // of this run is left: a node started before the failure belongs to no fleet object yet.
    await (fleet ?? old).stop().catch(() => undefined);
    await sweep({ runId: runIdentity().runId }).catch(() => undefined);
    await old.network.remove().catch(() => undefined);
    (e as Error).message = `Reshaping the fleet ${specKey(old.spec)} into ${specKey(spec)} failed: ${(e as Error).message}`;
    throw e;
  }
}
