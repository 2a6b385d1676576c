import type { Backend, Refusal } from './backend-policy';
import type { ConnectionState } from '../../zookeeper-client/connection-states';
import type { RoutingView } from './routing-state';

export interface StatusDocument {
  /** LOST also stands for "no session yet", before the first connection. */
  readonly zk: ConnectionState;
  readonly backends: readonly Pick<Backend, 'id' | 'node' | 'address' | 'port'>[];
  readonly leader: string | null;
  readonly refused: readonly Pick<Refusal, 'id' | 'address' | 'port' | 'reason'>[];
}

export function statusDocument(view: RoutingView): StatusDocument {
  return {
    zk: view.zk ?? 'LOST',
    backends: view.table.backends.map(({ id, node, address, port }) => ({ id, node, address, port })),
    leader: view.leader,
    refused: view.table.refused.map(({ id, address, port, reason }) => ({ id, address, port, reason })),
  };
}

/** Why there is no backend to route to, in one sentence that reflects what the gateway knows. */
export function noBackendReason(view: RoutingView, servicePath: string): string {
  if (!view.tableRead) {
    return view.zk === null
      ? `the gateway has not reached ZooKeeper yet, so it knows no web node in ${servicePath}`
      : `the ZooKeeper connection is ${view.zk} and ${servicePath} has not been read yet`;
  }
  let reason = view.servicePathExists
    ? `no web node is registered in ${servicePath}`
    : `no web node is registered in ${servicePath} (the path does not exist)`;
  if (view.table.refused.length > 0) {
    reason = `no web node the gateway may route to is registered in ${servicePath}; refused: ${view.table.refused
      .map((refusal) => `${refusal.id} (${refusal.reason})`)
      .join(', ')}`;
  }
  if (view.zk !== 'CONNECTED' && view.zk !== 'RECONNECTED') reason += ` (as last read; the ZooKeeper connection is ${view.zk ?? 'not established'})`;
  return reason;
}

export type LeaderRoute = { readonly backends: readonly Backend[] } | { readonly reason: string };

/** The backends of the current Jetty leader, or why there are none. */
export function leaderRoute(view: RoutingView, leaderPath: string): LeaderRoute {
  const connection = view.zk === 'CONNECTED' || view.zk === 'RECONNECTED' ? '' : ` (the ZooKeeper connection is ${view.zk ?? 'not established'})`;
  if (!view.leaderRead) return { reason: `the gateway has not read ${leaderPath} yet${connection}` };
  if (view.leader === null) return { reason: `no Jetty leader: ${leaderPath} has no latch participant${connection}` };
  const backends = view.table.backends.filter((backend) => backend.node === view.leader);
  if (backends.length === 0) {
    return { reason: `the Jetty leader ${view.leader} has no registration the gateway may route to${connection}` };
  }
  return { backends };
}
