// latency: every packet on a link held for a fixed time (± uniform jitter), order kept — between two sides (both
// directions: a round trip grows by twice the figure) or from one side to the other (one direction).
import { FaultKind, Phrasing, phrasing } from '../fault-kind';
import { shapeLink } from '../link-shaping';

const jitterText = (jitter: string | undefined) => (jitter ? ` ± ${jitter} ms` : '');

/** "the link between A and B …" (both ways) or "the link from A to B …" (one way). */
function latencyPhrasing(between: boolean): Phrasing {
  const [first, second] = between ? ['between', 'and'] : ['from', 'to'];
  return phrasing(new RegExp(`^the link ${first} (.+?) ${second} (.+?) gets (\\d+) ms(?: ± (\\d+) ms)? of latency$`),
    (a: string, b: string, ms: string, jitter?: string) => `${ms} ms${jitterText(jitter)} of latency ${first} ${a} ${second} ${b}`,
    (ctx, a: string, b: string, ms: string, jitter?: string) => shapeLink(ctx, 'latency', a, b, { delayMs: Number(ms), jitterMs: jitter ? Number(jitter) : 0 }, between));
}

export const latency: FaultKind = {
  kind: 'latency',
  family: 'network',
  colour: '#8d6e63',
  phrasings: [latencyPhrasing(true), latencyPhrasing(false)],
};
