// A running ensemble: connect strings (host and in-network), member lookup, the current leader, and the
// members' lifecycle. Role names are resolved when asked, never cached.
import { NoRoleHolderError, UnknownNameError } from '../shared/errors';
import { TimingProfile } from '../shared/timing-profile';
import { MemberMode, describeModes, isLeading } from './four-letter-words';
import { StartedZooKeeperMember } from './zookeeper-member';

export class StartedZooKeeperEnsemble {
  /** Time from the first container start to a leader and all followers. */
  readyMs = 0;

  constructor(readonly members: readonly StartedZooKeeperMember[], readonly timing: TimingProfile) {}

  get size(): number {
    return this.members.length;
  }

  /** Connect string as the harness reaches the members; changes when a member is started again (new host port). */
  getConnectString(): string {
    return this.members.map((m) => m.hostAddress()).join(',');
  }

  /** Connect string for containers on the run's network (aliases). */
  getNetworkConnectString(): string {
    return this.members.map((m) => m.networkAddress()).join(',');
  }

  member(name: string): StartedZooKeeperMember {
    const found = this.members.find((m) => m.name === name);
    if (!found) throw new UnknownNameError(name, 'a member of this ensemble', this.members.map((m) => m.name));
    return found;
  }

  async modes(): Promise<Record<string, MemberMode>> {
    const modes = await Promise.all(this.members.map((m) => m.mode()));
    return Object.fromEntries(this.members.map((m, i) => [m.name, modes[i]]));
  }

  async leader(): Promise<StartedZooKeeperMember> {
    const modes = await this.modes();
    const leaders = this.members.filter((m) => isLeading(modes[m.name]!));
    if (leaders.length !== 1) throw new NoRoleHolderError('the ZooKeeper leader', describeModes(modes));
    return leaders[0];
  }

  async followers(): Promise<StartedZooKeeperMember[]> {
    const modes = await this.modes();
    return this.members.filter((m) => modes[m.name] === 'follower');
  }

  async runningMembers(): Promise<StartedZooKeeperMember[]> {
    const running = await Promise.all(this.members.map((m) => m.isRunning()));
    return this.members.filter((_, i) => running[i]);
  }
}
