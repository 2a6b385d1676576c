// Every observer of a fleet, started for one scenario's history and stopped at its end: the registrations
// and latch watches, each node's /status, the gateway's table, each member's mode.
import { History } from '../history/history';
import { StartedFleet } from '../fleet/started-fleet';
import { Poller } from './poller';
import { observeNodeStatus, NODE_STATUS_INTERVAL_MS } from './node-status-observer';
import { observeGateway, GATEWAY_INTERVAL_MS } from './gateway-observer';
import { observeMemberMode, MEMBER_MODE_INTERVAL_MS } from './member-mode-observer';
import { observeLatch, observeRegistrations } from './watch-observer';

export class FleetObservers {
  private readonly pollers: Poller[] = [];

  private constructor() {}

  static start(fleet: StartedFleet, history: History): FleetObservers {
    const observers = new FleetObservers();
    const rates: Record<string, number> = { 'member-mode': MEMBER_MODE_INTERVAL_MS };
    observers.pollers.push(...fleet.ensemble.members.map((m) => observeMemberMode(m, history)));
    if (fleet.nodes.length) {
      const watches = fleet.watches();
      observers.pollers.push(observeRegistrations(watches.registrations, history), observeLatch(watches.latch, history));
      observers.pollers.push(...fleet.nodes.map((n) => observeNodeStatus(n, history)));
      Object.assign(rates, { registrations: 0, latch: 0, 'node-status': NODE_STATUS_INTERVAL_MS });
    }
    if (fleet.gatewayContainer) {
      observers.pollers.push(observeGateway(fleet.gatewayContainer, history));
      rates.gateway = GATEWAY_INTERVAL_MS;
    }
    history.header = {
      ...(history.header ?? { scenario: '', feature: '', startedAt: new Date().toISOString() }),
      observers: rates,
      nodes: fleet.nodeNames(),
      members: fleet.ensemble.members.map((m) => m.name),
      gateway: fleet.gatewayContainer !== undefined,
    };
    return observers;
  }

  async stop(): Promise<void> {
    await Promise.all(this.pollers.splice(0).map((p) => p.stop()));
  }
}
