// How long each web node took from its container's start to its registration: the registration znode's ctime
// (stamped by the ZooKeeper member, on the host's clock: containers share it) minus the engine's StartedAt for
// the container. Both are wall-clock instants on one clock, so no polling interval blurs the figure (±1 ms).
import { containerStartedAt } from '../../containers/shared/engine';
import { SERVICES_PATH } from '../../containers/zookeeper-client/fleet-paths';
import { registrationOf } from '../clients/fleet-view';
import { StartedFleet } from '../fleet/started-fleet';

/** ms from `startedAt` (the engine's RFC 3339 time, ns precision) to `ctime` (ZooKeeper's 8-byte ms timestamp). */
export function lagMs(ctime: Buffer, startedAt: string): number {
  const started = Date.parse(startedAt);
  if (Number.isNaN(started)) throw new Error(`not a container start time: ${JSON.stringify(startedAt)}`);
  return Number(ctime.readBigInt64BE(0)) - started;
}

/** Each registered node's lag, by node name. */
export async function registrationLags(fleet: StartedFleet): Promise<Record<string, number>> {
  const session = fleet.operator();
  const lags: Record<string, number> = {};
  for (const child of (await session.getChildren(SERVICES_PATH)) ?? []) {
    const znode = await session.getData(`${SERVICES_PATH}/${child}`);
    if (!znode?.data) continue;
    const { node } = registrationOf(child, znode.data);
    if (!fleet.nodeNames().includes(node)) continue;
    const startedAt = await containerStartedAt(fleet.node(node).actions.id);
    if (startedAt) lags[node] = lagMs(znode.stat.ctime, startedAt);
  }
  return lags;
}
