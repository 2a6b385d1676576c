// duplicate: a share of the packets between two sides arrive twice (a copy resent by the sender's shaper).
import { FaultKind, phrasing } from '../fault-kind';
import { sideOf } from '../network-faults';
import { applyLinkFault } from '../link-shaping';

export const duplicate: FaultKind = {
  kind: 'duplicate',
  family: 'network',
  colour: '#bcaaa4',
  phrasings: [
    phrasing(/^(\d+)% of packets between (.+?) and (.+) are duplicated$/, (percent: string, a: string, b: string) => `${percent}% of packets duplicated between ${a} and ${b}`,
      async (ctx, percent: string, a: string, b: string) => {
        await applyLinkFault(ctx.fleet, { kind: 'duplicate', from: sideOf(ctx.fleet, a), to: sideOf(ctx.fleet, b), bothWays: true, shape: { duplicateShare: Number(percent) / 100 } }, ctx.faults);
      }),
  ],
};
