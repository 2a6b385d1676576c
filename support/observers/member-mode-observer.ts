// Each ZooKeeper member's mode from `srvr` over its published port, every 50 ms. A member that is down,
// paused or without a quorum answers "unreachable" or "not serving": a state, recorded as such.
import { History } from '../history/history';
import { MemberModeObservation } from '../history/events';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { poll, Poller } from './poller';

export const MEMBER_MODE_INTERVAL_MS = 50;
const TIMEOUT_MS = 350;

export function observeMemberMode(member: StartedZooKeeperMember, history: History): Poller {
  return poll(MEMBER_MODE_INTERVAL_MS, async () => {
    const sentAt = history.now();
    const mode = await member.probeMode(TIMEOUT_MS);
    history.append<MemberModeObservation>({ kind: 'observe', observer: 'member-mode', sentAt, member: member.name, mode, answered: mode !== 'unreachable' });
  });
}
