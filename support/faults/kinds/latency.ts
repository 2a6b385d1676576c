// latency: every packet on a link held for a fixed time (± uniform jitter), order kept — between two sides (both
// directions: a round trip grows by twice the figure) or from one side to the other (one direction).
import { FaultKind, phrasing } from '../fault-kind';
import { sideOf } from '../network-faults';
import { applyLinkFault } from '../link-shaping';

const jitterText = (jitter: string | undefined) => (jitter ? ` ± ${jitter} ms` : '');

export const latency: FaultKind = {
  kind: 'latency',
  family: 'network',
  colour: '#8d6e63',
  phrasings: [
    phrasing(/^the link between (.+?) and (.+?) gets (\d+) ms(?: ± (\d+) ms)? of latency$/,
      (a: string, b: string, ms: string, jitter?: string) => `${ms} ms${jitterText(jitter)} of latency between ${a} and ${b}`,
      async (ctx, a: string, b: string, ms: string, jitter?: string) => {
        await applyLinkFault(ctx.fleet, { kind: 'latency', from: sideOf(ctx.fleet, a), to: sideOf(ctx.fleet, b), bothWays: true, shape: { delayMs: Number(ms), jitterMs: jitter ? Number(jitter) : 0 } }, ctx.faults);
      }),
    phrasing(/^the link from (.+?) to (.+?) gets (\d+) ms(?: ± (\d+) ms)? of latency$/,
      (a: string, b: string, ms: string, jitter?: string) => `${ms} ms${jitterText(jitter)} of latency from ${a} to ${b}`,
      async (ctx, a: string, b: string, ms: string, jitter?: string) => {
        await applyLinkFault(ctx.fleet, { kind: 'latency', from: sideOf(ctx.fleet, a), to: sideOf(ctx.fleet, b), bothWays: false, shape: { delayMs: Number(ms), jitterMs: jitter ? Number(jitter) : 0 } }, ctx.faults);
      }),
  ],
};
