// `npm run steps`: the step vocabulary, read from the step definitions themselves so it can't drift,
// grouped by Given / When / Then, each with an example.
import { loadConfiguration, loadSupport } from '@cucumber/cucumber/api';
import { exampleOf } from '../report/vocabulary-examples';

interface StepDefinitionInfo { pattern: string | RegExp; keyword: string; uri: string; line: number }

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
