// The register workload and its linearizability verdict: clients of the harness's own read, write and
// compare-and-set znode registers through every member, and the history of those operations is checked.
import { Given, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { runContext } from '../support/cucumber/run-context';
import { REGISTER_DEFAULTS, RegisterWorkload } from '../support/workload/register-workload';
import { checkLinearizable, LINEARIZABLE_REGISTER } from '../support/checks/linearizability/linearizable-register';
import { progress } from '../support/progress';

async function startRegisters(world: FleetWorld, syncReads: boolean): Promise<void> {
  if (world.registers) throw new Error('A register workload is already running in this scenario.');
  const fleet = await world.fleet();
  const seed = Math.floor(runContext.random.next() * 2 ** 32);
  const workload = new RegisterWorkload(
    fleet.ensemble.members.map((m) => ({ name: m.name, address: () => m.hostAddress() })),
    world.history,
    { ...REGISTER_DEFAULTS, syncReads, seed, sessionTimeoutMs: runContext.timing.sessionTimeoutMs },
  );
  world.registers = workload;
  await workload.start();
  progress(`registers: ${workload.describe()}`);
  world.attach(`register workload: ${workload.describe()}`, 'text/plain');
}

/** Ends the workload (the history of register ops ends here) and says what it did. */
async function stopRegisters(world: FleetWorld): Promise<string> {
  if (!world.registers) throw new Error('No register workload was started in this scenario: add "Given a register workload through every member".');
  const reached = await world.registers.reachPast(world.sinceLastFault());
  await world.registers.stop();
  const counts = world.registers.counts();
  const line = Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ');
  // A verdict over a workload that never read or wrote says nothing about ZooKeeper.
  if (!counts['read ok'] || !counts['write ok']) throw new Error(`The register workload did not exercise the registers (${line || 'no operation completed'}): no verdict can be drawn from it.`);
  return reached ? `${line}; ${reached}` : line;
}

Given('a register workload through every member', async function (this: FleetWorld) {
  await startRegisters(this, true);
});

Given('a register workload through every member with plain reads', async function (this: FleetWorld) {
  await startRegisters(this, false);
});

Then('the register history is linearizable', async function (this: FleetWorld) {
  const counts = await stopRegisters(this);
  const verdict = checkLinearizable(this.history.events());
  const summary = `${verdict.summary} [${counts}]`;
  this.attach(`${LINEARIZABLE_REGISTER}: ${summary}\n${verdict.evidence.slice(0, 8).map((e) => `  at ${Math.round(e.atMs)} ms: ${e.detail}`).join('\n')}`, 'text/plain');
  progress(`registers: ${summary}`);
  if (verdict.valid === 'unknown') throw new Error(`The linearizability checker could not decide (unknown), so the register history is not shown linearizable: ${verdict.summary}`);
  if (!verdict.valid) throw new Error(`Expected the register history to be linearizable, but ${verdict.summary}`);
});

Then('the register history is not linearizable', async function (this: FleetWorld) {
  const counts = await stopRegisters(this);
  progress(`registers: ${counts}`);
  await this.judge.expectViolation(LINEARIZABLE_REGISTER);
});
