// cut-off: a node loses its traffic to and from every ZooKeeper member (iptables DROP at both ends).
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault } from '../network-faults';
import { NodeRef, describeNodeRef } from '../../fleet/targets';

export const cutOff: FaultKind = {
  kind: 'cut-off',
  family: 'network',
  colour: '#607d8b',
  phrasings: [
    phrasing('{node} is cut off from ZooKeeper', (ref: NodeRef) => `${describeNodeRef(ref)} is cut off from ZooKeeper`, async (ctx, ref: NodeRef) => {
      const node = await ctx.node(ref);
      await applyNetworkFault(ctx.fleet, { kind: 'cut-off', sides: [[node.name], ctx.fleet.ensemble.members.map((m) => m.name)] }, ctx.faults, { role: describeNodeRef(ref) });
    }),
  ],
};
