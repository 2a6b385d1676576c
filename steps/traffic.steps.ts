// Bounded traffic through the gateway and the verdicts over its requests in the scenario's history. Judging
// does not stop the traffic, so one scenario can have several verdicts; the traffic ends with the scenario.
import { Given, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { GatewayTraffic, DEFAULT_TRAFFIC } from '../support/workload/gateway-traffic';
import { judgeAvailability, judgeLatencyShare, judgeMedianLatency, TrafficVerdict } from '../support/checks/availability';
import { judgedRequests } from '../support/workload/judged-requests';
import { progress } from '../support/progress';
import { parseDuration } from '../support/timing/duration';

Given('steady traffic through the gateway', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  if (this.traffic) throw new Error('Traffic is already running in this scenario.');
  this.traffic = new GatewayTraffic(`${fleet.gateway().baseUrl()}/`, this.history, DEFAULT_TRAFFIC);
  this.traffic.start();
  progress(`traffic: ${DEFAULT_TRAFFIC.ratePerSecond} requests/s through the gateway (at most ${DEFAULT_TRAFFIC.maxRequests})`);
});

async function judge(world: FleetWorld, wording: string, verdictOf: (requests: Awaited<ReturnType<typeof judgedRequests>>['requests']) => TrafficVerdict): Promise<void> {
  if (!world.traffic) throw new Error('No traffic was started in this scenario: add "Given steady traffic through the gateway".');
  const { requests, note } = await judgedRequests(world.history, world.traffic);
  const verdict = verdictOf(requests);
  const summary = `${verdict.summary}${note}`;
  world.attach(`traffic: ${summary}`, 'text/plain');
  progress(`traffic: ${summary}`);
  if (!verdict.valid) throw new Error(`Expected ${wording}, but ${summary}.`);
}

Then(/^at least (\d+(?:\.\d+)?)% of requests through the gateway succeeded$/, async function (this: FleetWorld, percent: string) {
  await judge(this, `at least ${percent}% of requests to succeed`, (r) => judgeAvailability(r, Number(percent) / 100));
});

Then('no request through the gateway failed', async function (this: FleetWorld) {
  await judge(this, 'every request to succeed', (r) => judgeAvailability(r, 1));
});

Then(/^(\d+(?:\.\d+)?)% of requests through the gateway completed within (\d+(?:\.\d+)?\s*[a-z]+)$/, async function (this: FleetWorld, percent: string, bound: string) {
  const boundMs = parseDuration(bound);
  await judge(this, `${percent}% of requests to complete successfully within ${bound}`, (r) => judgeLatencyShare(r, Number(percent) / 100, boundMs));
});

Then(/^the median latency of requests through the gateway is below (\d+(?:\.\d+)?\s*[a-z]+)$/, async function (this: FleetWorld, bound: string) {
  const boundMs = parseDuration(bound);
  await judge(this, `the median latency to be below ${bound}`, (r) => judgeMedianLatency(r, boundMs));
});
