// burst-loss: packets between two sides lost in bursts (Gilbert–Elliott, mean burst 3 packets) adding up to the
// share asked — what a flapping link does, unlike packet-loss's independent drops.
import { FaultKind, phrasing } from '../fault-kind';
import { sideOf } from '../network-faults';
import { applyLinkFault, burstLossFor } from '../link-shaping';

export const burstLoss: FaultKind = {
  kind: 'burst-loss',
  family: 'network',
  colour: '#6d4c41',
  phrasings: [
    phrasing(/^(\d+)% of packets between (.+?) and (.+) are lost in bursts$/, (percent: string, a: string, b: string) => `${percent}% of packets lost in bursts between ${a} and ${b}`,
      async (ctx, percent: string, a: string, b: string) => {
        await applyLinkFault(ctx.fleet, { kind: 'burst-loss', from: sideOf(ctx.fleet, a), to: sideOf(ctx.fleet, b), bothWays: true, shape: { burstLoss: burstLossFor(Number(percent) / 100) } }, ctx.faults);
      }),
  ],
};
