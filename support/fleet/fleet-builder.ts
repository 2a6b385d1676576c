// Starts a fleet for a spec: network, ensemble, web nodes, gateway; returns once it is in the steady state.
import { randomBytes } from 'node:crypto';
import { FleetNetwork } from '../docker/fleet-network';
import { runIdentity } from '../docker/run-identity';
import { ZooKeeperEnsemble } from '../../containers/zookeeper/zookeeper-ensemble';
import { WebNodeContainer } from '../../containers/web-node/web-node-container';
import { GatewayContainer } from '../../containers/gateway/gateway-container';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { requireImage } from '../images/image-catalog';
import { TimingProfile, scaleDeadline } from '../../containers/shared/timing-profile';
import { now } from '../../containers/shared/deadline';
import { progress } from '../progress';
import { FleetSpec, describeSpec, specKey } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { OPERATOR_USER } from '../clients/zookeeper-session';
import { awaitSteadyState } from './steady-state';
import { SettingError } from '../../containers/shared/errors';
import { collectDiagnostics, writeDiagnostics } from './diagnostics';
import { sweep } from '../docker/sweep';
import { settings } from '../settings';

export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `node-${i + 1}`);
}

export async function buildFleet(spec: FleetSpec, timing: TimingProfile): Promise<StartedFleet> {
  const startedAt = now();
  progress(`building a fleet of ${describeSpec(spec)}`);
  const labels = runIdentity().labels;
  const network = await FleetNetwork.create(specKey(spec));
  try {
    const ensemble = await new ZooKeeperEnsemble(spec.zookeeperMembers, timing)
      .withImage(requireImage('zookeeper').reference)
      .withNetwork(network.name)
      .withLabels(labels)
      .start();
    progress(`ensemble ready in ${Math.round(ensemble.readyMs)} ms (leader ${(await ensemble.leader()).name})`);
    const credentials = { user: OPERATOR_USER, password: randomBytes(12).toString('hex') };
    const names = nodeNames(spec.webNodes);
    const nodesStartedAt = now();
    let nodes: StartedWebNode[] = [];
    if (spec.webNodes > 0) {
      const image = requireImage('web-node').reference;
      nodes = await Promise.all(names.map((name) => new WebNodeContainer(name)
        .withImage(image).withNetwork(network.name).withLabels(labels)
        .withZooKeeper(ensemble.getNetworkConnectString(), timing.sessionTimeoutMs)
        .withLeaderErrorPolicy(spec.leaderPolicy ?? 'standard')
        .start()));
    }
    const gateway = spec.gateway
      ? await new GatewayContainer()
        .withImage(requireImage('gateway').reference).withNetwork(network.name).withLabels(labels)
        .withZooKeeper(ensemble.getNetworkConnectString(), timing.sessionTimeoutMs)
        .withBackendAllowlist(names)
        .withHostPort(settings().gatewayPort)
        .start()
        .catch((e: Error) => {
          const port = settings().gatewayPort;
          if (port && /address already in use|port is already allocated/i.test(e.message)) {
            throw new SettingError(`ZKH_GATEWAY_PORT=${port} is already taken on 127.0.0.1: free it or choose another port.`);
          }
          throw e;
        })
      : undefined;
    const fleet = new StartedFleet(spec, network, ensemble, credentials, nodes, gateway);
    await fleet.operator().ensurePath('/fleet');
    await awaitSteadyState(fleet, scaleDeadline(timing, 60_000));
    fleet.timings.ensembleReadyMs = ensemble.readyMs;
    if (spec.webNodes) fleet.timings.nodesReadyMs = now() - nodesStartedAt;
    fleet.timings.fleetReadyMs = now() - startedAt;
    if (spec.webNodes) progress(`fleet ready in ${Math.round(fleet.timings.fleetReadyMs)} ms (nodes registered ${Math.round(fleet.timings.nodesReadyMs)} ms after they were started)`);
    return fleet;
  } catch (e) {
    // Keep what the containers said, then remove this build's containers (the pool holds no other fleet now)
    // so the next scenario starts clean instead of colliding with names left behind.
    const dir = await collectDiagnostics(undefined, [])
      .then((d) => writeDiagnostics(settings().reportsDir, `fleet-build-${specKey(spec)}-${Date.now()}`, d))
      .catch(() => 'unavailable');
    await sweep({ runId: runIdentity().runId }).catch(() => undefined);
    await network.remove().catch(() => undefined);
    (e as Error).message = `Building the fleet (${describeSpec(spec)}) failed: ${(e as Error).message} (container logs in ${dir})`;
    throw e;
  }
}
