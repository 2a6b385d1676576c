// Each ZooKeeper member's mode from `srvr` over its published port, every 100 ms. A member that is down,
// paused or without a quorum answers "unreachable" or "not serving": a state, recorded as such.
// Why 100 ms and not 50 like the nodes: no mode lasts less than an election's finalizeWait (200 ms), so 100 ms
// sees every one; and each `srvr` is a new TCP connection through the engine's port proxy — at 50 ms the three
// members cost the harness ~10% of a core and the ensemble ~11% (measured with `npm run bench -- --observers`).
import { History } from '../history/history';
import { MemberModeObservation } from '../history/events';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { observe, Poller } from './poller';

export const MEMBER_MODE_INTERVAL_MS = 100;
const TIMEOUT_MS = 350;

export function observeMemberMode(member: StartedZooKeeperMember, history: History): Poller {
  return observe<MemberModeObservation>(history, MEMBER_MODE_INTERVAL_MS, async () => {
    const mode = await member.probeMode(TIMEOUT_MS);
    return { kind: 'observe', observer: 'member-mode', member: member.name, mode, answered: mode !== 'unreachable' };
  }, () => ({ kind: 'observe', observer: 'member-mode', member: member.name, mode: 'unreachable', answered: false }));
}
