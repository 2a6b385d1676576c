// stop: a graceful stop (SIGTERM; the fleet's processes are PID 1, so it is immediate). Healed by a start.
import { FaultKind, phrasing } from '../fault-kind';
import { downFault } from '../container-faults';
import { MemberRef, NodeRef, describeMemberRef, describeNodeRef } from '../../fleet/targets';

export const stop: FaultKind = {
  kind: 'stop',
  family: 'container',
  colour: '#f0ad4e',
  phrasings: [
    phrasing('{member} is stopped', (ref: MemberRef) => `${describeMemberRef(ref)} is stopped`,
      async (ctx, ref: MemberRef) => downFault('stop', await ctx.member(ref), ctx.faults, describeMemberRef(ref))),
    phrasing('{node} is stopped', (ref: NodeRef) => `${describeNodeRef(ref)} is stopped`,
      async (ctx, ref: NodeRef) => downFault('stop', await ctx.node(ref), ctx.faults, describeNodeRef(ref))),
  ],
};
