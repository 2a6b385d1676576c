// partition: two or more sides, each losing its traffic to the others; every member must be on a side, and
// containers not listed (the gateway, unlisted nodes) reach every side.
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault, parsePartition } from '../network-faults';

export const partition: FaultKind = {
  kind: 'partition',
  family: 'network',
  colour: '#455a64',
  phrasings: [
    phrasing(/^the network is partitioned into (.+)$/, (sides: string) => `the network is partitioned into ${sides}`, async (ctx, sides: string) => {
      await applyNetworkFault(ctx.fleet, { kind: 'partition', sides: parsePartition(sides, ctx.fleet.ensemble.members.map((m) => m.name)) }, ctx.faults);
    }),
  ],
};
