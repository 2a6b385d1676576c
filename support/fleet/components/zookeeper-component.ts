// The ZooKeeper ensemble: 3 or 5 members; steady when exactly one leads, the rest follow, and a write lands.
import { ComponentKind, BuildContext } from './component-kind';
import { ZooKeeperEnsemble } from '../../../containers/zookeeper/zookeeper-ensemble';
import { StartedZooKeeperEnsemble } from '../../../containers/zookeeper/started-zookeeper-ensemble';
import { describeModes, roleCounts } from '../../../containers/zookeeper/four-letter-words';
import { writeProbe } from '../../../containers/zookeeper-client/try-write';
import { progress } from '../../progress';

export const zookeeperComponent: ComponentKind<StartedZooKeeperEnsemble> = {
  kind: 'zookeeper',
  image: 'zookeeper',
  wanted: (spec) => spec.zookeeperMembers > 0,
  async start(ctx: BuildContext, image: string) {
    const ensemble = await new ZooKeeperEnsemble(ctx.spec.zookeeperMembers, ctx.timing).withImage(image).withNetwork(ctx.networkName, ctx.memberAddress).withLabels(ctx.labels).start();
    progress(`ensemble ready in ${Math.round(ensemble.readyMs)} ms (leader ${(await ensemble.leader()).name})`);
    return ensemble;
  },
  async steady(fleet) {
    const modes = await fleet.ensemble.modes();
    const { leaders, followers } = roleCounts(modes);
    if (leaders !== 1 || leaders + followers !== fleet.ensemble.size) return { ok: false, seen: describeModes(modes) };
    // Through the operator's session, already connected: a steady fleet's reset needs no new handshake.
    const write = await writeProbe(fleet.operator(), `the operator's session (${fleet.ensemble.getConnectString()})`);
    return { ok: write.ok, seen: write.ok ? describeModes(modes) : write.detail };
  },
  async diagnostics(fleet) {
    return {
      'ensemble.json': JSON.stringify(await fleet.ensemble.modes().catch(() => ({})), null, 2),
      'fleet-tree.txt': await fleet.operator().dump('/fleet').catch((e: Error) => `/fleet unreadable: ${e.message}`),
    };
  },
};
