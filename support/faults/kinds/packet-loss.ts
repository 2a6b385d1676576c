// packet-loss: each packet between the two sides dropped with a probability (iptables statistic, both ends).
import { FaultKind, phrasing } from '../fault-kind';
import { applyNetworkFault, sideOf } from '../network-faults';

export const packetLoss: FaultKind = {
  kind: 'packet-loss',
  family: 'network',
  colour: '#90a4ae',
  phrasings: [
    phrasing(/^(\d+)% of packets are lost between (.+?) and (.+)$/, (percent: string, a: string, b: string) => `${percent}% packet loss between ${a} and ${b}`,
      async (ctx, percent: string, a: string, b: string) => {
        await applyNetworkFault(ctx.fleet, { kind: 'packet-loss', sides: [sideOf(ctx.fleet, a), sideOf(ctx.fleet, b)], probability: Number(percent) / 100 }, ctx.faults);
      }),
  ],
};
