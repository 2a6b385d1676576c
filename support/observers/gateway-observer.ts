// The gateway's backend table from /gateway/status, every 50 ms.
import { History } from '../history/history';
import { GatewayObservation } from '../history/events';
import { StartedGateway } from '../../containers/gateway/started-gateway';
import { poll, Poller } from './poller';

export const GATEWAY_INTERVAL_MS = 50;
const TIMEOUT_MS = 350;

export function observeGateway(gateway: StartedGateway, history: History): Poller {
  return poll(GATEWAY_INTERVAL_MS, async () => {
    const sentAt = history.now();
    try {
      const s = await gateway.status(TIMEOUT_MS);
      history.append<GatewayObservation>({
        kind: 'observe', observer: 'gateway', sentAt, answered: true, zk: s.zk, leader: s.leader,
        backends: s.backends.map(({ node, address, port }) => ({ node, address, port })),
      });
    } catch (e) {
      history.append<GatewayObservation>({ kind: 'observe', observer: 'gateway', sentAt, answered: false, error: (e as Error).message });
    }
  });
}
