// The Jetty + Curator web nodes: steady when every node is registered (and the harness's watch agrees) and
// exactly one leads; diagnostics carry each node's /status and the harness's watches.
import { ComponentKind, BuildContext } from './component-kind';
import { WebNodeContainer } from '../../../containers/web-node/web-node-container';
import { StartedWebNode } from '../../../containers/web-node/started-web-node';
import { repairCounts } from '../../../containers/zookeeper-client/zookeeper-client-guard';
import { fleetProbes, watchedFleetProbes } from '../fleet-probes';

export const webNodeComponent: ComponentKind<StartedWebNode[]> = {
  kind: 'web-node',
  image: 'web-node',
  wanted: (spec) => spec.webNodes > 0,
  start(ctx: BuildContext, image: string) {
    return Promise.all(ctx.nodeNames.map((name) => new WebNodeContainer(name)
      .withImage(image).withNetwork(ctx.networkName).withLabels(ctx.labels)
      .withZooKeeper(ctx.zkConnect, ctx.timing.sessionTimeoutMs)
      .withLeaderErrorPolicy(ctx.spec.leaderPolicy ?? 'standard')
      .start()));
  },
  async steady(fleet) {
    const registered = await fleetProbes.registeredExactly(fleet, fleet.nodeNames());
    if (!registered.ok) return registered;
    // Scenarios judge registrations on the watch's snapshots: it must be live before any fault.
    const watched = watchedFleetProbes.watchAgrees(fleet, fleet.nodeNames());
    if (!watched.ok) return watched;
    // The registry shows a killed node's znode until its session expires: each process must vouch for its own.
    return fleetProbes.selfRegisteredWithOneJettyLeader(fleet);
  },
  async diagnostics(fleet) {
    return {
      'node-status.json': JSON.stringify(await fleet.view.statuses().catch((e: Error) => ({ error: e.message })), null, 2),
      'watches.txt': `${fleet.watches().report()}\n\nnode-zookeeper-client repairs in this process: ${JSON.stringify(repairCounts())}\n`,
    };
  },
};
