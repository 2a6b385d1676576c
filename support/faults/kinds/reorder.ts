// reorder: packets between two sides arrive out of order. Every packet is held 20 ms except one in five, let
// through at once, so it overtakes those held (netem's "reorder" works the same way: a share skips the delay).
import { FaultKind, phrasing } from '../fault-kind';
import { shapeLink } from '../link-shaping';

export const REORDER_SHAPE = { delayMs: 20, reorderShare: 0.2 } as const;

export const reorder: FaultKind = {
  kind: 'reorder',
  family: 'network',
  colour: '#a1887f',
  phrasings: [
    phrasing(/^packets between (.+?) and (.+) are reordered$/, (a: string, b: string) => `packets reordered between ${a} and ${b}`,
      (ctx, a: string, b: string) => shapeLink(ctx, 'reorder', a, b, REORDER_SHAPE)),
  ],
};
