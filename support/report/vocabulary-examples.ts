// An example sentence for each step pattern: parameters filled with typical words. Used by `npm run steps`
// and to find the phrasings nearest to an undefined step.
const EXAMPLES: Record<string, string> = {
  '{duration}': '10 seconds',
  '{int}': '3',
  '{string}': '"support/self-check/false-assertion.feature"',  // the self-check's fixture
  '{member}': 'the ZooKeeper leader',
  '{node}': 'a Jetty follower',
  '{nodes}': 'node-1 and node-3',
};

const REGEX_EXAMPLES: [RegExp, string][] = [
  [/partitioned into/, 'the network is partitioned into zk-1, zk-2 and node-1 | zk-3, node-2 and node-3'],
  [/packets are lost/, '10% of packets are lost between node-1 and ZooKeeper'],
  [/% of requests/, 'at least 99% of requests through the gateway succeeded'],
  [/bandwidth of/, 'the bandwidth of node-2 is limited to 64 kbit/s'],
];

export function exampleOf(pattern: string | RegExp): string {
  if (pattern instanceof RegExp) return REGEX_EXAMPLES.find(([r]) => r.test(pattern.source))?.[1] ?? pattern.source;
  // Optional text and alternatives first ("node(s) is/are"), so parameter examples with slashes stay intact.
  return pattern
    .replace(/\(s\)/g, 's')
    .replace(/(\w+)\/(\w+)/g, '$2')
    .replace(/\{\w+\}/g, (p) => EXAMPLES[p] ?? p);
}
