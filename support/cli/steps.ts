// `npm run steps`: the step vocabulary, read from the step definitions themselves so it can't drift,
// grouped by Given / When / Then, each with an example.
import { loadConfiguration, loadSupport } from '@cucumber/cucumber/api';

const EXAMPLES: Record<string, string> = {
  '{duration}': '10 seconds',
  '{int}': '3',
  '{member}': 'the ZooKeeper leader',
  '{node}': 'a Jetty follower',
  '{nodes}': 'node-1 and node-3',
};

const REGEX_EXAMPLES: [RegExp, string][] = [
  [/partitioned into/, 'the network is partitioned into zk-1, zk-2 and node-1 | zk-3, node-2 and node-3'],
  [/packets are lost/, '10% of packets are lost between node-1 and ZooKeeper'],
  [/% of requests/, 'at least 99% of requests through the gateway succeeded'],
];

interface StepDefinitionInfo { pattern: string | RegExp; keyword: string; uri: string; line: number }

export function exampleOf(pattern: string | RegExp): string {
  if (pattern instanceof RegExp) return REGEX_EXAMPLES.find(([r]) => r.test(pattern.source))?.[1] ?? pattern.source;
  return pattern
    .replace(/\{\w+\}/g, (p) => EXAMPLES[p] ?? p)
    .replace(/\(s\)/g, 's')
    .replace(/(\w+)\/(\w+)/g, '$2');
}

async function main(): Promise<void> {
  process.env.ZKH_QUIET = '1';
  const { runConfiguration } = await loadConfiguration({ profiles: ['ci'] });
  const library = (await loadSupport(runConfiguration)) as unknown as { stepDefinitions: StepDefinitionInfo[] };
  for (const keyword of ['Given', 'When', 'Then']) {
    console.log(`\n${keyword}`);
    for (const s of library.stepDefinitions.filter((d) => d.keyword === keyword)) {
      const pattern = s.pattern instanceof RegExp ? `/${s.pattern.source}/` : s.pattern;
      console.log(`  ${keyword} ${pattern}\n      e.g. ${keyword} ${exampleOf(s.pattern)}   (${s.uri}:${s.line})`);
    }
  }
  console.log(`\n{member}: zk-1..zk-5, the ZooKeeper leader, a ZooKeeper follower   {node}: node-1.., the Jetty leader, a Jetty follower`);
  console.log(`{duration}: 500 ms, 10 seconds, 1.5 seconds, 2 minutes   {nodes}: node-1 and node-3, node-1, node-2 and node-3`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
