// Link faults are measured, not assumed: this step pings across a delayed link and compares what the fault
// added with what was asked.
import { Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { judgeAddedLatency } from '../support/faults/link-shaping';
import { sideOf } from '../support/faults/network-faults';
import { progress } from '../support/progress';

Then(/^the latency added between (.+?) and (.+?) measures (\d+) ms ± (\d+) ms$/, async function (this: FleetWorld, a: string, b: string, asked: string, tolerance: string) {
  const fleet = await this.fleet();
  const verdict = await judgeAddedLatency(fleet, this.faults, sideOf(fleet, a), sideOf(fleet, b), Number(asked), Number(tolerance));
  this.attach(`latency: ${verdict.summary}`, 'text/plain');
  progress(`latency: ${verdict.summary}`);
  if (!verdict.ok) throw new Error(`Expected the link to add ${asked} ms ± ${tolerance} ms, but ${verdict.summary}.`);
});
