// Jetty nodes and the gateway: declare them, fault nodes, judge registration, leadership and routing.
import { Given, When, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { NodeRef, describeNodeRef } from '../support/fleet/targets';
import { containerFaults, undoneBy, ContainerFaultAction } from '../support/faults/container-faults';
import { fleetChecks, watchedFleetChecks } from '../support/checks/fleet-checks';
import { rollingRestart } from '../support/faults/rolling-restart';
import { holds } from '../support/timing/eventually';

Given('{int} Jetty nodes behind the gateway', function (this: FleetWorld, nodes: number) {
  this.declare({ webNodes: nodes, gateway: true });
});

Given('{int} Jetty nodes', function (this: FleetWorld, nodes: number) {
  this.declare({ webNodes: nodes });
});

const nodeFaultSteps: Record<string, ContainerFaultAction> = {
  crashes: 'kill',
  'is killed': 'kill',
  'is stopped': 'stop',
  'is paused': 'pause',
  'is resumed': 'resume',
  'is restarted': 'restart',
};

for (const [phrase, action] of Object.entries(nodeFaultSteps)) {
  When(`{node} ${phrase}`, async function (this: FleetWorld, ref: NodeRef) {
    await this.faultStep(`${describeNodeRef(ref)} ${phrase}`, async () => {
      const node = await this.node(ref, undoneBy(action));
      await containerFaults[action](node, this.faults, describeNodeRef(ref));
    });
  });
}

When('the Jetty nodes are restarted one by one', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  await this.faultStep('rolling restart of every Jetty node', () => rollingRestart(fleet, this.faults, this.deadline(60_000)));
});

Then('within {duration} {node} is no longer registered', async function (this: FleetWorld, deadlineMs: number, ref: NodeRef) {
  const fleet = await this.fleet();
  const node = await this.nodeAsFaulted(ref);
  await this.withinWatched(`${node.name} to leave /fleet/services/web`, watchedFleetChecks.isRegistered(fleet, node.name, false), deadlineMs);
});

Then('within {duration} {node} is registered again', async function (this: FleetWorld, deadlineMs: number, ref: NodeRef) {
  const fleet = await this.fleet();
  const node = await this.nodeAsFaulted(ref);
  await this.withinWatched(`${node.name} to be registered in /fleet/services/web`, watchedFleetChecks.isRegistered(fleet, node.name, true), deadlineMs);
});

Then('within {duration} exactly {int} Jetty node(s) is/are registered', async function (this: FleetWorld, deadlineMs: number, count: number) {
  const fleet = await this.fleet();
  await this.withinWatched(`exactly ${count} registered Jetty nodes`, watchedFleetChecks.registeredCount(fleet, count), deadlineMs);
});

Then('within {duration} the gateway routes only to {nodes}', async function (this: FleetWorld, deadlineMs: number, names: string[]) {
  const fleet = await this.fleet();
  names.forEach((n) => fleet.node(n));
  await this.within(`the gateway to route only to ${names.join(', ')}`, () => fleetChecks.gatewayRoutesOnlyTo(fleet, names), deadlineMs);
});

Then('within {duration} a new Jetty leader is elected', async function (this: FleetWorld, deadlineMs: number) {
  const fleet = await this.fleet();
  const previous = this.jettyLeaderBeforeFault;
  // Latch order (a znode) and each node's /status (HTTP) must agree: polled, and probed at once on a latch change.
  await this.within(`a new Jetty leader (the previous one was ${previous ?? 'unknown'})`, () => fleetChecks.newJettyLeader(fleet, previous), deadlineMs,
    { wake: fleet.watches().latch, observedBy: '50 ms poll of /status, woken by the watch on /fleet/leader' });
});

Then('there is exactly one Jetty leader', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  // The contract's definition: latch order and /status agree, on two observations in a row (a poll apart).
  const first = await fleet.view.jettyLeader();
  if (!first.leader) throw new Error(`Expected exactly one Jetty leader, but ${first.seen}.`);
  await new Promise((r) => setTimeout(r, 100));
  const second = await fleet.view.jettyLeader();
  if (second.leader !== first.leader) {
    throw new Error(`Expected exactly one Jetty leader on two observations in a row, but saw "${first.seen}" then "${second.seen}".`);
  }
});

Then('for {duration} {node} stays registered', async function (this: FleetWorld, spanMs: number, ref: NodeRef) {
  const fleet = await this.fleet();
  const node = await this.nodeAsFaulted(ref);
  await holds(`${node.name} to stay registered`, () => fleetChecks.isRegistered(fleet, node.name, true), spanMs);
});

Then('for {duration} the Jetty leader does not change', async function (this: FleetWorld, spanMs: number) {
  const fleet = await this.fleet();
  const { leader, seen } = await fleet.view.jettyLeader();
  if (!leader) throw new Error(`Expected a Jetty leader to watch, but ${seen}.`);
  await holds(`the Jetty leader to stay ${leader}`, async () => {
    const now = await fleet.view.jettyLeader();
    return { ok: now.leader === leader, seen: now.seen };
  }, spanMs);
});
