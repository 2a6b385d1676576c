// Jepsen's random nemesis: a seeded schedule of faults on the ZooKeeper members, one at a time, each healed
// before a quiet spell; judge the whole history afterwards (register linearizability, traffic, invariants).
import { When } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { runContext } from '../support/cucumber/run-context';
import { DEFAULT_SCHEDULE, FLEET_WORDS, parseScheduleWords, randomSchedule } from '../support/faults/schedule/random-schedule';
import { StartedFleet } from '../support/fleet/started-fleet';
import { describeScheduled, runSchedule } from '../support/faults/schedule/run-schedule';
import { SeededRandom } from '../support/fleet/seeded-random';
import { progress } from '../support/progress';

/** Draws a seeded schedule over `targets`, prints and attaches it, and runs it as one fault step. */
async function strike(world: FleetWorld, words: string, totalMs: number, targets: (fleet: StartedFleet) => { members: string[]; nodes: string[] }, what: string): Promise<void> {
  const parsed = parseScheduleWords(words);
  const fleet = await world.fleet();
  const seed = Math.floor(runContext.random.next() * 2 ** 32);
  const schedule = randomSchedule(new SeededRandom(seed), parsed, targets(fleet), { ...DEFAULT_SCHEDULE, totalMs });
  const plan = schedule.map(describeScheduled).join('; ');
  world.attach(`random schedule (seed ${seed}): ${plan}`, 'text/plain');
  progress(`nemesis: ${schedule.length} faults on ${what} in ${Math.round(totalMs / 1000)} s (seed ${seed}; one at a time, each on for ${DEFAULT_SCHEDULE.onMs.join('–')} ms, then ${DEFAULT_SCHEDULE.offMs.join('–')} ms quiet)`);
  const ctx = await world.faultContext();
  await world.faultStep(`a random schedule of ${words} on ${what} for ${Math.round(totalMs / 1000)} s`, () => runSchedule(ctx, schedule, progress));
}

const membersOnly = (fleet: StartedFleet) => ({ members: fleet.ensemble.members.map((m) => m.name), nodes: [] });
const wholeFleet = (fleet: StartedFleet) => ({ members: fleet.ensemble.members.map((m) => m.name), nodes: fleet.nodeNames() });

When('a random schedule of {string} hits the ZooKeeper members for {duration}', async function (this: FleetWorld, words: string, totalMs: number) {
  await strike(this, words, totalMs, membersOnly, 'the ZooKeeper members');
});

When('random faults strike the fleet for {duration}', async function (this: FleetWorld, totalMs: number) {
  await strike(this, FLEET_WORDS, totalMs, wholeFleet, 'the fleet');
});

When('random faults strike the fleet for {duration} using {fault words}', async function (this: FleetWorld, totalMs: number, words: string) {
  await strike(this, words, totalMs, wholeFleet, 'the fleet');
});
