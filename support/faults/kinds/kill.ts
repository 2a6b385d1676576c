// kill: SIGKILL through the engine — a crash. Healed (at a restart, or after the scenario) by starting it again.
import { FaultKind, phrasing } from '../fault-kind';
import { downFault } from '../container-faults';
import { MemberRef, NodeRef, describeMemberRef, describeNodeRef } from '../../fleet/targets';

export const kill: FaultKind = {
  kind: 'kill',
  family: 'container',
  colour: '#d9534f',
  phrasings: [
    phrasing('{member} is killed', (ref: MemberRef) => `${describeMemberRef(ref)} is killed`,
      async (ctx, ref: MemberRef) => downFault('kill', await ctx.member(ref), ctx.faults, describeMemberRef(ref))),
    ...['crashes', 'is killed'].map((words) => phrasing(`{node} ${words}`, (ref: NodeRef) => `${describeNodeRef(ref)} ${words}`,
      async (ctx, ref: NodeRef) => downFault('kill', await ctx.node(ref), ctx.faults, describeNodeRef(ref)))),
  ],
};
