// stop: a graceful stop (SIGTERM; the fleet's processes are PID 1, so it is immediate). Healed by a start.
import { FaultKind } from '../fault-kind';
import { downFault, memberOrNode } from '../container-faults';

export const stop: FaultKind = {
  kind: 'stop',
  family: 'container',
  colour: '#f0ad4e',
  phrasings: memberOrNode('is stopped', (ctx, target, role) => downFault('stop', target, ctx.faults, role)),
};
