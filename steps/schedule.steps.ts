// Jepsen's random nemesis: a seeded schedule of faults on the ZooKeeper members, one at a time, each healed
// before a quiet spell; judge the whole history afterwards (register linearizability, traffic, invariants).
import { When } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { runContext } from '../support/cucumber/run-context';
import { DEFAULT_SCHEDULE, parseScheduleWords, randomSchedule } from '../support/faults/schedule/random-schedule';
import { describeScheduled, runSchedule } from '../support/faults/schedule/run-schedule';
import { SeededRandom } from '../support/fleet/seeded-random';
import { progress } from '../support/progress';

When('a random schedule of {string} hits the ZooKeeper members for {duration}', async function (this: FleetWorld, words: string, totalMs: number) {
  const kinds = parseScheduleWords(words);
  const fleet = await this.fleet();
  const seed = Math.floor(runContext.random.next() * 2 ** 32);
  const schedule = randomSchedule(new SeededRandom(seed), kinds, fleet.ensemble.members.map((m) => m.name), { ...DEFAULT_SCHEDULE, totalMs });
  const plan = schedule.map(describeScheduled).join('; ');
  this.attach(`random schedule (seed ${seed}): ${plan}`, 'text/plain');
  progress(`nemesis: ${schedule.length} faults in ${Math.round(totalMs / 1000)} s (seed ${seed})`);
  const ctx = await this.faultContext();
  await this.faultStep(`a random schedule of ${words} for ${Math.round(totalMs / 1000)} s`, () => runSchedule(ctx, schedule, progress));
});
