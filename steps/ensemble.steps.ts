// ZooKeeper ensemble: declare it, judge leadership and writes (its faults: steps/faults.steps.ts).
import { Given, When, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { ensembleProbes } from '../support/fleet/ensemble-probes';
import { judges } from '../support/history/state-judges';

Given('a ZooKeeper ensemble of {int} members', function (this: FleetWorld, members: number) {
  this.declare({ zookeeperMembers: members });
});

Then('the ensemble has exactly one leader and {int} follower(s)', async function (this: FleetWorld, followers: number) {
  const fleet = await this.fleet();
  await this.judge.now(`exactly one ZooKeeper leader and ${followers} followers`, judges.leaderAndFollowers(followers, fleet.ensemble.size));
});

Then('within {duration} the ensemble has exactly one leader and {int} follower(s)', async function (this: FleetWorld, deadlineMs: number, followers: number) {
  const fleet = await this.fleet();
  await this.judge.withinHistory(`exactly one ZooKeeper leader and ${followers} followers`, judges.leaderAndFollowers(followers, fleet.ensemble.size), deadlineMs);
});

Then('within {duration} the ensemble elects a new leader', async function (this: FleetWorld, deadlineMs: number) {
  const previous = this.bracket.zkLeaderBefore;
  await this.judge.withinHistory(`a new ZooKeeper leader (the previous one was ${previous ?? 'unknown'})`, judges.newZooKeeperLeader(previous), deadlineMs);
});

Then('within {duration} the ensemble has a leader and accepts writes', async function (this: FleetWorld, deadlineMs: number) {
  const fleet = await this.fleet();
  await this.judge.within('the ensemble to have a leader and accept a write', () => ensembleProbes.acceptsWrites(fleet), deadlineMs);
});

Then('within {duration} the ensemble refuses writes', async function (this: FleetWorld, deadlineMs: number) {
  const fleet = await this.fleet();
  await this.judge.within('every running member to refuse a write', () => ensembleProbes.refusesWrites(fleet), deadlineMs, { probeTimeoutMs: 10_000 });
});

/** Ten writes one after another on one connected session: their median, judged against `boundMs`. */
async function medianWrite(world: FleetWorld, boundMs: number, below: boolean): Promise<void> {
  const fleet = await world.fleet();
  const times = (await ensembleProbes.writeLatencies(fleet, 10)).sort((a, b) => a - b);
  const median = (times[4]! + times[5]!) / 2;
  const seen = `median write ${median.toFixed(1)} ms over ${times.length} writes (fastest ${times[0]!.toFixed(1)} ms, slowest ${times[times.length - 1]!.toFixed(1)} ms)`;
  world.attach(seen, 'text/plain');
  if (below ? median >= boundMs : median < boundMs) throw new Error(`Expected the median write to take ${below ? 'less than' : 'at least'} ${boundMs} ms, but the ${seen}.`);
}

Then('the median write to the ensemble takes less than {duration}', async function (this: FleetWorld, boundMs: number) {
  await medianWrite(this, boundMs, true);
});

Then('the median write to the ensemble takes at least {duration}', async function (this: FleetWorld, boundMs: number) {
  await medianWrite(this, boundMs, false);
});
