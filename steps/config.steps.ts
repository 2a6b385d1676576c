// The fleet config in /fleet/config: publish, change, malformed publishes, and what each node runs.
import { Given, When, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { fleetProbes } from '../support/fleet/fleet-probes';
import { configVersionOf, WrittenConfig, PublishKind } from '../support/fleet/fleet-config';
import { judges } from '../support/history/state-judges';
import { getJson } from '../containers/shared/http-client';
import { eventually } from '../containers/shared/deadline';
import { ZooKeeperSession } from '../containers/zookeeper-client/zookeeper-session';
import { isNoAuth } from '../containers/zookeeper-client/zookeeper-errors';
import { CONFIG_PATH } from '../containers/zookeeper-client/fleet-paths';
import { progress } from '../support/progress';

/** The operator's write, retried through connection loss (said so when it took more than one attempt). */
async function publish(world: FleetWorld, content: string, kind: PublishKind = 'write-config'): Promise<WrittenConfig> {
  const written = await (await world.fleet()).config.publish(content, world.deadline(20_000), kind);
  if (written.attempts > 1) progress(`config written after ${written.attempts} attempts (connection loss retried)`);
  return written;
}

/** Publishes a config every node must reject, and returns once every running node has rejected it. */
async function publishRejected(world: FleetWorld, content: string, what: string): Promise<void> {
  const fleet = await world.fleet();
  let zxid = 0;
  await world.faultStep(`${what} is published`, async () => {
    const startedAtMs = performance.now();
    zxid = (await publish(world, content, 'publish-malformed')).zxid;
    world.faults.instant('malformed-config', ['/fleet/config'], { params: { bytes: Buffer.byteLength(content) }, family: 'config', startedAtMs });
  });
  world.lastMalformedZxid = zxid;
  await eventually(`every running node to reject ${what}`, () => fleetProbes.rejectedEverywhere(fleet, zxid), world.deadline(15_000));
}

Given('the fleet config is:', async function (this: FleetWorld, content: string) {
  const version = configVersionOf(content);
  await publish(this, content);
  await this.judge.awaitHistory(`every running node to run config version ${version}`, judges.answeringRunVersion(version), this.deadline(15_000));
});

When('the fleet config is changed to:', async function (this: FleetWorld, content: string) {
  // The change is the event recoveries are measured from; the write itself retries through connection loss.
  await this.faultStep(`fleet config changed to version ${configVersionOf(content)}`, async () => {
    await publish(this, content);
  });
});

When('a malformed fleet config is published:', async function (this: FleetWorld, content: string) {
  await publishRejected(this, content, 'a malformed fleet config');
});

When('a fleet config of {int} KiB is published', async function (this: FleetWorld, kib: number) {
  // Valid JSON with a greeting far past the contract's limits: near ZooKeeper's 1 MB znode limit it must still
  // be written, rejected by every node, and take nothing down.
  await publishRejected(this, JSON.stringify({ version: 99, greeting: 'x'.repeat(Math.max(0, kib * 1024 - 40)) }), `a ${kib} KiB fleet config`);
});

Then('within {duration} every registered node runs config version {int}', async function (this: FleetWorld, deadlineMs: number, version: number) {
  await this.judge.withinHistory(`every registered node to run config version ${version}`, judges.registeredRunVersion(version), deadlineMs);
});

Then('every registered node runs config version {int}', async function (this: FleetWorld, version: number) {
  await this.judge.now(`every registered node to run config version ${version}`, judges.registeredRunVersion(version));
});

Then('within {duration} every node runs config version {int}', async function (this: FleetWorld, deadlineMs: number, version: number) {
  await this.judge.withinHistory(`every node to answer and run config version ${version}`, judges.everyNodeRunsVersion(version), deadlineMs);
});

Then('every node still runs config version {int}', async function (this: FleetWorld, version: number) {
  const fleet = await this.fleet();
  await this.judge.now(`every node to be up and still on config version ${version}`, judges.everyNodeRunsVersion(version));
  // And still serving it: the application answer carries the version.
  for (const node of fleet.nodes) {
    const answer = await fetchRoot(node.baseUrl());
    if (answer.configVersion !== version) throw new Error(`${node.name} answers GET / with config version ${answer.configVersion}, not ${version}.`);
  }
});

Then('every node reports the malformed config as rejected', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  if (this.lastMalformedZxid === null) throw new Error('No malformed config was published in this scenario ("When a malformed fleet config is published:").');
  const seen = await fleetProbes.rejectedEverywhere(fleet, this.lastMalformedZxid);
  if (!seen.ok) throw new Error(`Expected every node to report the malformed config as rejected, but saw ${seen.seen}.`);
});

Then('an unauthenticated write to the fleet config is refused and changes nothing', async function (this: FleetWorld) {
  const fleet = await this.fleet();
  const before = await fleet.operator().getData(CONFIG_PATH);
  const anonymous = new ZooKeeperSession(fleet.ensemble.getConnectString(), { opTimeoutMs: 3000 });
  try {
    const outcome = await anonymous.setData(CONFIG_PATH, Buffer.from('{"version":999,"greeting":"pwned"}')).then(() => 'accepted', (e: unknown) => (isNoAuth(e) ? 'refused' : `failed otherwise: ${(e as Error).message}`));
    if (outcome !== 'refused') throw new Error(`Expected an unauthenticated write to ${CONFIG_PATH} to be refused with NO_AUTH, but it was ${outcome}.`);
  } finally {
    anonymous.close();
  }
  const after = await fleet.operator().getData(CONFIG_PATH);
  if (!before || !after || !before.data?.equals(after.data ?? Buffer.alloc(0)) || before.stat.version !== after.stat.version) {
    throw new Error(`${CONFIG_PATH} changed after the refused write (before: ${before?.data}, after: ${after?.data}).`);
  }
});

async function fetchRoot(baseUrl: string): Promise<{ configVersion: number }> {
  return (await getJson<{ configVersion: number }>(`${baseUrl}/`)).body;
}
