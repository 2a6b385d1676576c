// Network faults: cut-offs, isolation, partitions, packet loss, and the heal.
import { When } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { NodeRef, describeNodeRef } from '../support/fleet/targets';
import { applyNetworkFault, parsePartition, isNetworkFault } from '../support/faults/network-faults';

When('{node} is cut off from ZooKeeper', async function (this: FleetWorld, ref: NodeRef) {
  const fleet = await this.fleet();
  await this.faultStep(`${describeNodeRef(ref)} is cut off from ZooKeeper`, async () => {
    const node = await this.node(ref);
    await applyNetworkFault(fleet, { kind: 'cut-off', sides: [[node.name], fleet.ensemble.members.map((m) => m.name)] }, this.faults, { role: describeNodeRef(ref) });
  });
});

When('the ZooKeeper leader is isolated from the other members', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  await this.faultStep('the ZooKeeper leader is isolated from the other members', async () => {
    const leader = await fleet.ensemble.leader();
    const others = fleet.ensemble.members.filter((m) => m !== leader).map((m) => m.name);
    await applyNetworkFault(fleet, { kind: 'isolate', sides: [[leader.name], others] }, this.faults);
  });
});

When(/^the network is partitioned into (.+)$/, async function (this: FleetWorld, sides: string) {
  const fleet = await this.fleet();
  await this.faultStep(`the network is partitioned into ${sides}`, async () => {
    await applyNetworkFault(fleet, { kind: 'partition', sides: parsePartition(sides, fleet.ensemble.members.map((m) => m.name)) }, this.faults);
  });
});

When(/^(\d+)% of packets are lost between (.+?) and (.+)$/, async function (this: FleetWorld, percent: string, a: string, b: string) {
  const fleet = await this.fleet();
  const side = (text: string) => (text === 'ZooKeeper' ? fleet.ensemble.members.map((m) => m.name) : text.split(/,| and /).map((s) => s.trim()).filter(Boolean));
  await this.faultStep(`${percent}% packet loss between ${a} and ${b}`, async () => {
    await applyNetworkFault(fleet, { kind: 'packet-loss', sides: [side(a), side(b)], probability: Number(percent) / 100 }, this.faults);
  });
});

When('the network heals', async function (this: FleetWorld) {
  await this.faultStep('the network heals', async () => {
    for (const fault of this.faults.active()) {
      if (isNetworkFault(fault.record.kind)) await fault.heal();
    }
  });
});

When('the ensemble is split into a majorities ring', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  await this.faultStep('the ensemble is split into a majorities ring', async () => {
    await applyNetworkFault(fleet, { kind: 'majorities-ring', sides: [fleet.ensemble.members.map((m) => m.name)] }, this.faults);
  });
});

When('{node} can no longer reach ZooKeeper', async function (this: FleetWorld, ref: NodeRef) {
  const fleet = await this.fleet();
  await this.faultStep(`${describeNodeRef(ref)} can no longer reach ZooKeeper (one way)`, async () => {
    const node = await this.node(ref);
    await applyNetworkFault(fleet, { kind: 'one-way-cut', sides: [[node.name], fleet.ensemble.members.map((m) => m.name)], direction: 'outbound' }, this.faults, { role: describeNodeRef(ref) });
  });
});

When(/^the bandwidth of (node-\d+|zk-\d+) is limited to (\d+) kbit\/s$/, async function (this: FleetWorld, name: string, kbit: string) {
  const fleet = await this.fleet();
  await this.faultStep(`the bandwidth of ${name} is limited to ${kbit} kbit/s`, async () => {
    await applyNetworkFault(fleet, { kind: 'bandwidth', sides: [[name]], kbitPerSecond: Number(kbit) }, this.faults);
  });
});
