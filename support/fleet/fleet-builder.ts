// Starts a fleet for a spec: network, ensemble, then (with the fleet issue) nodes and gateway.
import { randomBytes } from 'node:crypto';
import { FleetNetwork } from '../docker/fleet-network';
import { runIdentity } from '../docker/run-identity';
import { ZooKeeperEnsemble } from '../../containers/zookeeper/zookeeper-ensemble';
import { requireImage } from '../images/image-catalog';
import { TimingProfile } from '../timing/timing-profile';
import { now } from '../timing/eventually';
import { progress } from '../progress';
import { FleetSpec, describeSpec, specKey } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { OPERATOR_USER } from '../clients/zookeeper-session';

export async function buildFleet(spec: FleetSpec, timing: TimingProfile): Promise<StartedFleet> {
  const startedAt = now();
  progress(`building a fleet of ${describeSpec(spec)}`);
  const network = await FleetNetwork.create(specKey(spec));
  try {
    const ensemble = await new ZooKeeperEnsemble(spec.zookeeperMembers, timing)
      .withImage(requireImage('zookeeper').reference)
      .withNetwork(network.name)
      .withLabels(runIdentity().labels)
      .start();
    progress(`ensemble ready in ${Math.round(ensemble.readyMs)} ms (leader ${(await ensemble.leader()).name})`);
    const credentials = { user: OPERATOR_USER, password: randomBytes(12).toString('hex') };
    const fleet = new StartedFleet(spec, network, ensemble, credentials);
    fleet.timings.ensembleReadyMs = ensemble.readyMs;
    fleet.timings.fleetReadyMs = now() - startedAt;
    return fleet;
  } catch (e) {
    await network.remove().catch(() => undefined);
    throw e;
  }
}
