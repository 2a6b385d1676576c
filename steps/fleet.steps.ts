// Jetty nodes and the gateway: declare them, judge registration, leadership and routing (their faults:
// steps/faults.steps.ts). Every
// judgement reads the scenario's history (see support/history/history-judge.ts).
import { Given, When, Then } from '@cucumber/cucumber';
import { FleetWorld } from '../support/cucumber/world';
import { NodeRef } from '../support/fleet/targets';
import { judges } from '../support/history/state-judges';

Given('{int} Jetty nodes behind the gateway', function (this: FleetWorld, nodes: number) {
  this.declare({ webNodes: nodes, gateway: true });
});

Given('{int} Jetty nodes', function (this: FleetWorld, nodes: number) {
  this.declare({ webNodes: nodes });
});

Given('the Jetty nodes keep leadership until their ZooKeeper session is lost', function (this: FleetWorld) {
  // Curator's session-only error policy (LEADER_ERROR_POLICY=session): the CURATOR-444 hazard, on purpose.
  this.declare({ leaderPolicy: 'session' });
});

Then('within {duration} {node} is no longer registered', async function (this: FleetWorld, deadlineMs: number, ref: NodeRef) {
  const node = await this.nodeAsFaulted(ref);
  await this.judge.withinHistory(`${node.name} to leave /fleet/services/web`, judges.znodeGone(node.name), deadlineMs);
});

Then('within {duration} {node} is registered again', async function (this: FleetWorld, deadlineMs: number, ref: NodeRef) {
  const node = await this.nodeAsFaulted(ref);
  await this.judge.withinHistory(`${node.name} to be registered by its current session`, judges.isRegistered(node.name), deadlineMs);
});

Then('within {duration} exactly {int} Jetty node(s) is/are registered', async function (this: FleetWorld, deadlineMs: number, count: number) {
  await this.judge.withinHistory(`exactly ${count} registered Jetty nodes`, judges.registeredCount(count), deadlineMs);
});

Then('exactly {int} Jetty node(s) is/are registered', async function (this: FleetWorld, count: number) {
  await this.judge.now(`exactly ${count} registered Jetty nodes`, judges.registeredCount(count));
});

Then('within {duration} the gateway routes only to {nodes}', async function (this: FleetWorld, deadlineMs: number, names: string[]) {
  const fleet = await this.fleet();
  names.forEach((n) => fleet.node(n));
  await this.judge.withinHistory(`the gateway to route only to ${names.join(', ')}`, judges.gatewayRoutesOnlyTo(names), deadlineMs);
});

Then('the gateway routes only to {nodes}', async function (this: FleetWorld, names: string[]) {
  const fleet = await this.fleet();
  names.forEach((n) => fleet.node(n));
  await this.judge.now(`the gateway to route only to ${names.join(', ')}`, judges.gatewayRoutesOnlyTo(names));
});

Then('within {duration} every Jetty node has lost its ZooKeeper session', async function (this: FleetWorld, deadlineMs: number) {
  await this.judge.withinHistory('every Jetty node to report its ZooKeeper session lost', judges.everyNodeLostSession(), deadlineMs);
});

Then('within {duration} {node} reports its ZooKeeper connection suspended', async function (this: FleetWorld, deadlineMs: number, ref: NodeRef) {
  const node = await this.nodeAsFaulted(ref);
  await this.judge.withinHistory(`${node.name} to report its ZooKeeper connection SUSPENDED`, judges.nodeSuspended(node.name), deadlineMs);
});

Then('within {duration} {node} has lost its ZooKeeper session', async function (this: FleetWorld, deadlineMs: number, ref: NodeRef) {
  const node = await this.nodeAsFaulted(ref);
  await this.judge.withinHistory(`${node.name} to report its ZooKeeper session lost`, judges.nodeLostSession(node.name), deadlineMs);
});

Then('for {duration} {node} does not report its ZooKeeper session lost', async function (this: FleetWorld, spanMs: number, ref: NodeRef) {
  const node = await this.nodeAsFaulted(ref);
  await this.judge.holds(`${node.name} to answer without reporting its ZooKeeper session lost`, judges.nodeKeepsSession(node.name), spanMs);
});

Then('within {duration} a new Jetty leader is elected', async function (this: FleetWorld, deadlineMs: number) {
  const previous = this.bracket.jettyLeaderBefore;
  // Latch order (the watch on /fleet/leader) and each node's /status must agree.
  await this.judge.withinHistory(`a new Jetty leader (the previous one was ${previous ?? 'unknown'})`, judges.newJettyLeader(previous), deadlineMs);
});

Then('there is exactly one Jetty leader', async function (this: FleetWorld) {
  // The contract's definition: latch order and /status agree, on two rounds of observations in a row.
  await this.judge.now('exactly one Jetty leader (latch order and /status agree)', judges.exactlyOneJettyLeader(), 2);
});

Then('within {duration} there is exactly one Jetty leader', async function (this: FleetWorld, deadlineMs: number) {
  await this.judge.withinHistory('exactly one Jetty leader (latch order and /status agree)', judges.exactlyOneJettyLeader(), deadlineMs);
});

Then('for {duration} {node} stays registered', async function (this: FleetWorld, spanMs: number, ref: NodeRef) {
  const node = await this.nodeAsFaulted(ref);
  await this.judge.holds(`${node.name} to stay registered`, judges.isRegistered(node.name), spanMs);
});

Then('for {duration} the Jetty leader does not change', async function (this: FleetWorld, spanMs: number) {
  const { leader, seen } = (await this.judge.currentJettyLeader());
  if (!leader) throw new Error(`Expected a Jetty leader to watch, but saw ${seen}.`);
  await this.judge.holds(`the Jetty leader to stay ${leader}`, judges.leaderStays(leader), spanMs);
});

Then('the history shows two Jetty leaders at once', async function (this: FleetWorld) {
  await this.judge.expectViolation('single-jetty-leader');
});
