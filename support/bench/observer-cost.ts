// What the history's observers cost: a steady fleet (3 members, 3 nodes, the gateway) watched for a span with
// no observer, then for the same span with every observer, measuring the harness's CPU (process.cpuUsage) and
// the fleet containers' CPU (the engine's cgroup counters). `npm run bench -- --observers`.
import { engine } from '../../containers/shared/engine';
import { buildFleet } from '../fleet/fleet-builder';
import { History } from '../history/history';
import { FleetObservers } from '../observers/fleet-observers';
import { TimingProfile } from '../../containers/shared/timing-profile';

export interface ObserverCost {
  readonly spanMs: number;
  readonly harnessCpuMsWithout: number;
  readonly harnessCpuMsWith: number;
  readonly fleetCpuMsWithout: number;
  readonly fleetCpuMsWith: number;
  readonly eventsRecorded: number;
}

async function fleetCpuMs(ids: readonly string[]): Promise<number> {
  const docker = await engine();
  const stats = await Promise.all(ids.map((id) => docker.getContainer(id).stats({ stream: false }) as Promise<{ cpu_stats: { cpu_usage: { total_usage: number } } }>));
  return stats.reduce((sum, s) => sum + s.cpu_stats.cpu_usage.total_usage / 1e6, 0);
}

async function cpuOver(spanMs: number, ids: readonly string[]): Promise<{ harness: number; fleet: number }> {
  const fleetBefore = await fleetCpuMs(ids);
  const before = process.cpuUsage();
  await new Promise((r) => setTimeout(r, spanMs));
  const used = process.cpuUsage(before);
  return { harness: (used.user + used.system) / 1000, fleet: (await fleetCpuMs(ids)) - fleetBefore };
}

export async function benchObserverCost(timing: TimingProfile, spanMs = 20_000): Promise<ObserverCost> {
  const fleet = await buildFleet({ zookeeperMembers: 3, webNodes: 3, gateway: true }, timing);
  try {
    const ids = [...fleet.ensemble.members, ...fleet.nodes, fleet.gateway()].map((c) => c.actions.id);
    fleet.watches();
    const without = await cpuOver(spanMs, ids);
    const history = new History();
    const observers = FleetObservers.start(fleet, history);
    const withObservers = await cpuOver(spanMs, ids);
    await observers.stop();
    return {
      spanMs, harnessCpuMsWithout: Math.round(without.harness), harnessCpuMsWith: Math.round(withObservers.harness),
      fleetCpuMsWithout: Math.round(without.fleet), fleetCpuMsWith: Math.round(withObservers.fleet), eventsRecorded: history.events().length,
    };
  } finally {
    await fleet.stop();
  }
}
