// bandwidth: tc tbf on the interface holding the container's fleet address — a thin link, every peer alike.
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault } from '../network-faults';

export const bandwidth: FaultKind = {
  kind: 'bandwidth',
  family: 'network',
  colour: '#b0bec5',
  phrasings: [
    phrasing(/^the bandwidth of (node-\d+|zk-\d+) is limited to (\d+) kbit\/s$/, (name: string, kbit: string) => `the bandwidth of ${name} is limited to ${kbit} kbit/s`,
      async (ctx, name: string, kbit: string) => {
        await applyNetworkFault(ctx.fleet, { kind: 'bandwidth', sides: [[name]], kbitPerSecond: Number(kbit) }, ctx.faults);
      }),
  ],
};
