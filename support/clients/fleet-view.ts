// How the harness observes the fleet: registrations and the latch from ZooKeeper, each node's own /status,
// and the gateway's table. Reads only; every read bounded.
import { ZooKeeperSession } from './zookeeper-session';
import { StartedWebNode, NodeStatus } from '../../containers/web-node/started-web-node';

export const SERVICES_PATH = '/fleet/services/web';
export const LEADER_PATH = '/fleet/leader';
export const CONFIG_PATH = '/fleet/config';

export interface Registration {
  readonly id: string;
  readonly node: string;
  readonly address: string;
  readonly port: number;
}

/** A Curator ServiceInstance's JSON; the payload names the node, else the address does. */
export function parseRegistration(id: string, data: string): Registration {
  const instance = JSON.parse(data) as { address?: string; port?: number; payload?: { node?: string } };
  return { id, node: instance.payload?.node ?? instance.address ?? '?', address: instance.address ?? '?', port: instance.port ?? 0 };
}

/** LeaderLatch children look like `_c_<uuid>-latch-0000000003`; the lowest sequence leads. */
export function latchOrder(children: readonly string[]): string[] {
  const seq = (c: string) => Number(/(\d+)$/.exec(c)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return [...children].sort((a, b) => seq(a) - seq(b));
}

export class FleetView {
  constructor(private readonly session: () => ZooKeeperSession, private readonly nodes: () => readonly StartedWebNode[]) {}

  async registrations(): Promise<Registration[]> {
    const zk = this.session();
    const ids = await zk.getChildren(SERVICES_PATH);
    const found = await Promise.all(ids.map(async (id) => {
      const node = await zk.getData(`${SERVICES_PATH}/${id}`);
      return node?.data ? parseRegistration(id, node.data.toString('utf8')) : null;
    }));
    return found.filter((r): r is Registration => r !== null);
  }

  async registeredNodes(): Promise<string[]> {
    return (await this.registrations()).map((r) => r.node).sort();
  }

  /** Latch participants in order; the first leads. */
  async latchParticipants(): Promise<string[]> {
    const zk = this.session();
    const ordered = latchOrder(await zk.getChildren(LEADER_PATH));
    const ids = await Promise.all(ordered.map(async (child) => (await zk.getData(`${LEADER_PATH}/${child}`))?.data?.toString('utf8') ?? null));
    return ids.filter((id): id is string => id !== null);
  }

  async statuses(): Promise<Record<string, NodeStatus | string>> {
    const entries = await Promise.all(this.nodes().map(async (n) => {
      if (!(await n.isRunning())) return [n.name, `${await n.actions.state()}`] as const;
      return [n.name, await n.status().catch((e: Error) => `no answer (${e.message})`)] as const;
    }));
    return Object.fromEntries(entries);
  }

  /** The Jetty leader if the latch's lowest participant and exactly one node's /status agree; else why not. */
  async jettyLeader(): Promise<{ leader: string | null; seen: string }> {
    const [participants, statuses] = await Promise.all([this.latchParticipants(), this.statuses()]);
    const claimants = Object.entries(statuses).filter(([, s]) => typeof s !== 'string' && s.leader).map(([n]) => n);
    const seen = `latch order [${participants.join(', ')}], /status leader=true on [${claimants.join(', ')}]`;
    const agreed = participants.length > 0 && claimants.length === 1 && claimants[0] === participants[0];
    return { leader: agreed ? participants[0] : null, seen };
  }
}
