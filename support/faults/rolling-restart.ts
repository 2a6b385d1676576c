// A rolling restart: each node stopped gracefully and started, and back in the registry and the gateway's
// table before the next one goes.
import { FaultLog } from './fault';
import { StartedFleet } from '../fleet/started-fleet';
import { eventually } from '../../containers/shared/deadline';
import { fleetProbes } from '../fleet/fleet-probes';
import { progress } from '../progress';

export async function rollingRestart(fleet: StartedFleet, log: FaultLog, perNodeWithinMs: number): Promise<void> {
  for (const node of fleet.nodes) {
    progress(`rolling restart: ${node.name}`);
    await node.restart();
    log.instant('restart', [node.name], { rolling: true });
    await eventually(`${node.name} to be registered again after its restart`, () => fleetProbes.isRegistered(fleet, node.name, true), perNodeWithinMs);
    if (fleet.gatewayContainer) {
      await eventually(`the gateway to route to every node again after ${node.name}'s restart`, () => fleetProbes.gatewayRoutesOnlyTo(fleet, fleet.nodeNames()), perNodeWithinMs);
    }
  }
}
