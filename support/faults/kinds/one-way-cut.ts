// one-way-cut: a node's packets to every member are dropped; theirs still reach it (iptables OUTPUT only).
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault } from '../network-faults';
import { NodeRef, describeNodeRef } from '../../fleet/targets';

export const oneWayCut: FaultKind = {
  kind: 'one-way-cut',
  family: 'network',
  colour: '#78909c',
  phrasings: [
    phrasing('{node} can no longer reach ZooKeeper', (ref: NodeRef) => `${describeNodeRef(ref)} can no longer reach ZooKeeper (one way)`, async (ctx, ref: NodeRef) => {
      const node = await ctx.node(ref);
      await applyNetworkFault(ctx.fleet, { kind: 'one-way-cut', sides: [[node.name], ctx.fleet.ensemble.members.map((m) => m.name)], direction: 'outbound' }, ctx.faults, { role: describeNodeRef(ref) });
    }),
  ],
};
