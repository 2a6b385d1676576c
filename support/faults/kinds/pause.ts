// pause: the cgroup freezer (docker pause) — the process stops answering without dying; and its inverse,
// "is resumed", where a role means whom it named when the pause began.
import { FaultKind, FaultContext } from '../fault-kind';
import { downFault, memberOrNode, FaultTarget } from '../container-faults';

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
    ...memberOrNode('is paused', (ctx, target, role) => downFault('pause', target, ctx.faults, role)),
    ...memberOrNode('is resumed', (ctx, target) => resume(ctx, target), ['pause']),
  ],
};
