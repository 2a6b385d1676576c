// Each node's own /status, every 50 ms: who says it leads, whether it says it is registered, its ZooKeeper
// state and session, the config it runs. A node that does not answer (paused, crashed, stopped) is recorded
// as such: a state, not a gap in the record.
import { History } from '../history/history';
import { NodeStatusObservation } from '../history/events';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { observe, Poller } from './poller';

export const NODE_STATUS_INTERVAL_MS = 50;
/** Long enough for a busy JVM on 2 cores, short enough that "no answer" is recorded well within 500 ms. */
export const NODE_STATUS_TIMEOUT_MS = 350;

export function observeNodeStatus(node: StartedWebNode, history: History): Poller {
  return observe<NodeStatusObservation>(history, NODE_STATUS_INTERVAL_MS, async () => {
    const s = await node.status(NODE_STATUS_TIMEOUT_MS);
    return {
      kind: 'observe', observer: 'node-status', node: node.name, answered: true,
      registered: s.registered, leader: s.leader, zk: s.zk, configVersion: s.configVersion,
      ...(s.session !== undefined ? { session: s.session } : {}),
      ...(s.incarnation !== undefined ? { incarnation: s.incarnation } : {}),
      ...(s.wallClockMs !== undefined ? { clockOffsetMs: s.wallClockMs - Date.now() } : {}),
    };
  }, (e) => ({ kind: 'observe', observer: 'node-status', node: node.name, answered: false, error: e.message }));
}
