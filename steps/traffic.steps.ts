// Bounded traffic through the gateway and the verdicts over its recorded history.
import { Given, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { GatewayTraffic, DEFAULT_TRAFFIC } from '../support/workload/gateway-traffic';
import { judgeAvailability } from '../support/checks/availability';
import { progress } from '../support/progress';

Given('steady traffic through the gateway', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  if (this.traffic) throw new Error('Traffic is already running in this scenario.');
  this.traffic = new GatewayTraffic(`${fleet.gateway().baseUrl()}/`, DEFAULT_TRAFFIC);
  this.traffic.start();
  progress(`traffic: ${DEFAULT_TRAFFIC.ratePerSecond} requests/s through the gateway (at most ${DEFAULT_TRAFFIC.maxRequests})`);
});

async function judge(world: FleetWorld, minRatio: number, wording: string): Promise<void> {
  if (!world.traffic) throw new Error('No traffic was started in this scenario: add "Given steady traffic through the gateway".');
  const history = await world.traffic.stop();
  world.traffic = undefined;
  world.trafficHistory.push(...history);
  const verdict = judgeAvailability(history, minRatio);
  world.attach(`traffic: ${verdict.summary}`, 'text/plain');
  progress(`traffic: ${verdict.summary}`);
  if (verdict.valid === 'unknown') throw new Error(`Cannot judge ${wording}: ${verdict.summary}.`);
  if (!verdict.valid) throw new Error(`Expected ${wording}, but ${verdict.summary}.`);
}

Then(/^at least (\d+(?:\.\d+)?)% of requests through the gateway succeeded$/, async function (this: FleetWorld, percent: string) {
  await judge(this, Number(percent) / 100, `at least ${percent}% of requests to succeed`);
});

Then('no request through the gateway failed', async function (this: FleetWorld) {
  await judge(this, 1, 'every request to succeed');
});
