// Role resolution for one scenario: "the ZooKeeper leader", "a Jetty follower" are resolved against the live
// fleet when a step runs (waiting a little for an election to give the role a holder), except in a step that
// undoes or judges a fault, where a role means whom it named when that fault began.
import { StartedFleet } from '../fleet/started-fleet';
import { FaultLog } from './fault';
import { SeededRandom } from '../fleet/seeded-random';
import { MemberRef, NodeRef, describeMemberRef, describeNodeRef, resolveMember, resolveNode } from '../fleet/targets';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { StartedWebNode } from '../../containers/web-node/started-web-node';

/** The faults a Then step's role refers back to ("within 10 seconds the Jetty leader is no longer registered"). */
const JUDGED_FAULTS = ['kill', 'stop', 'pause', 'cut-off'];

export class Roles {
  constructor(private readonly fleet: StartedFleet, private readonly faults: FaultLog, private readonly random: SeededRandom, private readonly waitMs: number) {}

  async member(ref: MemberRef, undoing?: readonly string[]): Promise<StartedZooKeeperMember> {
    const faulted = undoing && ref.kind !== 'name' ? this.faults.targetUnderRole(describeMemberRef(ref), undoing) : undefined;
    if (faulted) return this.fleet.ensemble.member(faulted);
    return resolveMember(this.fleet, ref, this.random, this.waitMs);
  }

  async node(ref: NodeRef, undoing?: readonly string[]): Promise<StartedWebNode> {
    const faulted = undoing && ref.kind !== 'name' ? this.faults.targetUnderRole(describeNodeRef(ref), undoing) : undefined;
    if (faulted) return this.fleet.node(faulted);
    return resolveNode(this.fleet, ref, this.random, this.waitMs);
  }

  /** In a Then step a role names whom it named when the latest fault under that role began. */
  nodeAsFaulted(ref: NodeRef): Promise<StartedWebNode> {
    return this.node(ref, JUDGED_FAULTS);
  }
}
