// duplicate: a share of the packets between two sides arrive twice (a copy resent by the sender's shaper).
import { FaultKind, phrasing } from '../fault-kind';
import { shapeLink } from '../link-shaping';

export const duplicate: FaultKind = {
  kind: 'duplicate',
  family: 'network',
  colour: '#bcaaa4',
  phrasings: [
    phrasing(/^(\d+)% of packets between (.+?) and (.+) are duplicated$/, (percent: string, a: string, b: string) => `${percent}% of packets duplicated between ${a} and ${b}`,
      (ctx, percent: string, a: string, b: string) => shapeLink(ctx, 'duplicate', a, b, { duplicateShare: Number(percent) / 100 })),
  ],
};
