// majorities-ring: Jepsen's ring of five members, each reaching only its two neighbours — every member sees
// a majority, no two the same one.
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault } from '../network-faults';

export const majoritiesRing: FaultKind = {
  kind: 'majorities-ring',
  family: 'network',
  colour: '#37474f',
  phrasings: [
    phrasing('the ensemble is split into a majorities ring', () => 'the ensemble is split into a majorities ring', async (ctx) => {
      await applyNetworkFault(ctx.fleet, { kind: 'majorities-ring', sides: [ctx.fleet.ensemble.members.map((m) => m.name)] }, ctx.faults);
    }),
  ],
};
