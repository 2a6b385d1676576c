// isolate: one member loses its traffic to the other members (clients still reach it) — "the ZooKeeper
// leader", "a ZooKeeper follower" or a name, resolved when the step runs.
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault } from '../network-faults';
import { MemberRef, describeMemberRef } from '../../fleet/targets';

export const isolate: FaultKind = {
  kind: 'isolate',
  family: 'network',
  colour: '#546e7a',
  phrasings: [
    phrasing('{member} is isolated from the other members', (ref: MemberRef) => `${describeMemberRef(ref)} is isolated from the other members`, async (ctx, ref: MemberRef) => {
      const member = await ctx.member(ref);
      const others = ctx.fleet.ensemble.members.filter((m) => m !== member).map((m) => m.name);
      await applyNetworkFault(ctx.fleet, { kind: 'isolate', sides: [[member.name], others] }, ctx.faults, { role: describeMemberRef(ref) });
    }),
  ],
};
