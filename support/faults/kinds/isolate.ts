// isolate: the ZooKeeper leader loses its traffic to the other members (clients still reach it).
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault } from '../network-faults';

export const isolate: FaultKind = {
  kind: 'isolate',
  family: 'network',
  colour: '#546e7a',
  phrasings: [
    phrasing('the ZooKeeper leader is isolated from the other members', () => 'the ZooKeeper leader is isolated from the other members', async (ctx) => {
      const leader = await ctx.fleet.ensemble.leader();
      const others = ctx.fleet.ensemble.members.filter((m) => m !== leader).map((m) => m.name);
      await applyNetworkFault(ctx.fleet, { kind: 'isolate', sides: [[leader.name], others] }, ctx.faults);
    }),
  ],
};
