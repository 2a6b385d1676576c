// The gateway's backend table from /gateway/status, every 50 ms.
import { History } from '../history/history';
import { GatewayObservation } from '../history/events';
import { StartedGateway } from '../../containers/gateway/started-gateway';
import { observe, Poller } from './poller';

export const GATEWAY_INTERVAL_MS = 50;
const TIMEOUT_MS = 350;

export function observeGateway(gateway: StartedGateway, history: History): Poller {
  return observe<GatewayObservation>(history, GATEWAY_INTERVAL_MS, async () => {
    const s = await gateway.status(TIMEOUT_MS);
    return { kind: 'observe', observer: 'gateway', answered: true, zk: s.zk, leader: s.leader, backends: s.backends.map(({ node, address, port }) => ({ node, address, port })) };
  }, (e) => ({ kind: 'observe', observer: 'gateway', answered: false, error: e.message }));
}
