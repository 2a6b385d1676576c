// How the harness observes the fleet: registrations and the latch from ZooKeeper, each node's own /status,
// and the gateway's table. Reads only; every read bounded.
import { ZooKeeperSession } from '../../containers/zookeeper-client/zookeeper-session';
import { readChildren } from '../../containers/zookeeper-client/read-children';
import { parseServiceInstance } from '../../containers/zookeeper-client/service-instance';
import { latchParticipants } from '../../containers/zookeeper-client/latch-order';
import { LEADER_PATH, SERVICES_PATH } from '../../containers/zookeeper-client/fleet-paths';
import { StartedWebNode, NodeStatus } from '../../containers/web-node/started-web-node';

export interface Registration {
  readonly id: string;
  readonly node: string;
  readonly address: string;
  readonly port: number;
}

/** A registration as the harness records it: `?` and 0 stand for what its JSON does not say. */
export function registrationOf(id: string, data: Buffer): Registration {
  const parsed = parseServiceInstance(id, data);
  const instance = parsed.ok ? parsed.instance : null;
  return { id, node: instance?.node ?? '?', address: instance?.address ?? '?', port: instance?.port ?? 0 };
}

export class FleetView {
  constructor(private readonly session: () => ZooKeeperSession, private readonly nodes: () => readonly StartedWebNode[]) {}

  async registrations(): Promise<Registration[]> {
    const { children } = await readChildren(this.session(), SERVICES_PATH);
    return [...children].map(([id, data]) => registrationOf(id, data));
  }

  async registeredNodes(): Promise<string[]> {
    return (await this.registrations()).map((r) => r.node).sort();
  }

  /** Latch participants in order; the first leads. */
  async latchParticipants(): Promise<string[]> {
    return latchParticipants((await readChildren(this.session(), LEADER_PATH)).children);
  }

  async statuses(): Promise<Record<string, NodeStatus | string>> {
    const entries = await Promise.all(this.nodes().map(async (n) => {
      if (!(await n.isRunning())) return [n.name, `${await n.actions.state()}`] as const;
      return [n.name, await n.status().catch((e: Error) => `no answer (${e.message})`)] as const;
    }));
    return Object.fromEntries(entries);
  }

  /**
   * The Jetty leader if the latch's lowest participant and exactly one node's /status agree; else why not.
   * `known`: statuses the caller has just read, so a poll judging several things asks every node once.
   */
  async jettyLeader(known?: Record<string, NodeStatus | string>): Promise<{ leader: string | null; seen: string }> {
    const [participants, statuses] = await Promise.all([this.latchParticipants(), known ?? this.statuses()]);
    const claimants = Object.entries(statuses).filter(([, s]) => typeof s !== 'string' && s.leader).map(([n]) => n);
    const seen = `latch order [${participants.join(', ')}], /status leader=true on [${claimants.join(', ')}]`;
    const agreed = participants.length > 0 && claimants.length === 1 && claimants[0] === participants[0];
    return { leader: agreed ? participants[0] : null, seen };
  }
}
