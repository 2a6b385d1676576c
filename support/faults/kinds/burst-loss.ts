// burst-loss: packets between two sides lost in bursts (Gilbert–Elliott, mean burst 3 packets) adding up to the
// share asked — what a flapping link does, unlike packet-loss's independent drops.
import { FaultKind, phrasing } from '../fault-kind';
import { burstLossFor, shapeLink } from '../link-shaping';

export const burstLoss: FaultKind = {
  kind: 'burst-loss',
  family: 'network',
  colour: '#6d4c41',
  phrasings: [
    phrasing(/^(\d+)% of packets between (.+?) and (.+) are lost in bursts$/, (percent: string, a: string, b: string) => `${percent}% of packets lost in bursts between ${a} and ${b}`,
      (ctx, percent: string, a: string, b: string) => shapeLink(ctx, 'burst-loss', a, b, { burstLoss: burstLossFor(Number(percent) / 100) })),
  ],
};
