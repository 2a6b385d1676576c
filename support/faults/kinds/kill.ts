// kill: SIGKILL through the engine — a crash. Healed (at a restart, or after the scenario) by starting it again.
import { FaultKind } from '../fault-kind';
import { downFault, memberOrNode, nodePhrasing } from '../container-faults';

export const kill: FaultKind = {
  kind: 'kill',
  family: 'container',
  colour: '#d9534f',
  phrasings: [
    ...memberOrNode('is killed', (ctx, target, role) => downFault('kill', target, ctx.faults, role)),
    nodePhrasing('crashes', (ctx, target, role) => downFault('kill', target, ctx.faults, role)),
  ],
};
