// restart: a graceful stop then a start; a killed, stopped or paused target is brought back instead (and its
// fault ends). Also the rolling restart: each node restarted, registered and routed to before the next.
import { FaultKind, FaultContext, phrasing } from '../fault-kind';
import { DOWN_KINDS, FaultTarget, memberOrNode } from '../container-faults';
import { eventually, now } from '../../../containers/shared/deadline';
import { fleetProbes } from '../../fleet/fleet-probes';
import { progress } from '../../progress';

async function restart(ctx: FaultContext, target: FaultTarget): Promise<void> {
  const startedAtMs = now();
  const down = ctx.faults.active().filter((f) => (DOWN_KINDS as readonly string[]).includes(f.record.kind) && f.record.targets.includes(target.name));
  if (down.length) for (const f of down) await f.heal();
  else await target.restart();
  ctx.faults.instant('restart', [target.name], { startedAtMs });
}

async function rollingRestart(ctx: FaultContext): Promise<void> {
  const { fleet } = ctx;
  const perNodeWithinMs = ctx.deadline(60_000);
  for (const node of fleet.nodes) {
    progress(`rolling restart: ${node.name}`);
    const startedAtMs = now();
    await node.restart();
    ctx.faults.instant('restart', [node.name], { params: { rolling: true }, startedAtMs });
    await eventually(`${node.name} to be registered again after its restart`, () => fleetProbes.isRegistered(fleet, node.name, true), perNodeWithinMs);
    if (fleet.gatewayContainer) {
      await eventually(`the gateway to route to every node again after ${node.name}'s restart`, () => fleetProbes.gatewayRoutesOnlyTo(fleet, fleet.nodeNames()), perNodeWithinMs);
    }
  }
}

export const restartKind: FaultKind = {
  kind: 'restart',
  family: 'container',
  colour: '#5bc0de',
  phrasings: [
    ...memberOrNode('is restarted', (ctx, target) => restart(ctx, target), DOWN_KINDS),
    phrasing('the Jetty nodes are restarted one by one', () => 'rolling restart of every Jetty node', (ctx) => rollingRestart(ctx)),
  ],
};
