// pause: the cgroup freezer (docker pause) — the process stops answering without dying; and its inverse,
// "is resumed", where a role means whom it named when the pause began.
import { FaultKind, FaultContext, phrasing } from '../fault-kind';
import { downFault, FaultTarget } from '../container-faults';
import { MemberRef, NodeRef, describeMemberRef, describeNodeRef } from '../../fleet/targets';

/** Ends the target's pause fault (or unpauses a container paused some other way). */
async function resume(ctx: FaultContext, target: FaultTarget): Promise<void> {
  const fault = ctx.faults.find('pause', target.name);
  if (fault) await fault.heal();
  else await target.resume();
}

export const pause: FaultKind = {
  kind: 'pause',
  family: 'container',
  colour: '#9b59b6',
  phrasings: [
    phrasing('{member} is paused', (ref: MemberRef) => `${describeMemberRef(ref)} is paused`,
      async (ctx, ref: MemberRef) => downFault('pause', await ctx.member(ref), ctx.faults, describeMemberRef(ref))),
    phrasing('{node} is paused', (ref: NodeRef) => `${describeNodeRef(ref)} is paused`,
      async (ctx, ref: NodeRef) => downFault('pause', await ctx.node(ref), ctx.faults, describeNodeRef(ref))),
    phrasing('{member} is resumed', (ref: MemberRef) => `${describeMemberRef(ref)} is resumed`,
      async (ctx, ref: MemberRef) => resume(ctx, await ctx.member(ref, ['pause']))),
    phrasing('{node} is resumed', (ref: NodeRef) => `${describeNodeRef(ref)} is resumed`,
      async (ctx, ref: NodeRef) => resume(ctx, await ctx.node(ref, ['pause']))),
  ],
};
