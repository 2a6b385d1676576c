// A running topology: the run's network, the ensemble, (later) web nodes and gateway, and the operator's
// ZooKeeper session. Teardown is idempotent and collects errors.
import { FleetNetwork } from '../docker/fleet-network';
import { StartedZooKeeperEnsemble } from '../../containers/zookeeper/started-zookeeper-ensemble';
import { ZooKeeperSession, OperatorCredentials } from '../clients/zookeeper-session';
import { FleetSpec } from './fleet-spec';
import { UnknownNameError } from '../errors';

export interface FleetPart {
  readonly name: string;
  remove(): Promise<void>;
}

export class StartedFleet {
  private operatorSession: ZooKeeperSession | undefined;
  private closed = false;
  readonly timings: Record<string, number> = {};

  constructor(
    readonly spec: FleetSpec,
    readonly network: FleetNetwork,
    readonly ensemble: StartedZooKeeperEnsemble,
    readonly credentials: OperatorCredentials,
    private readonly parts: FleetPart[] = [],
  ) {}

  /** The operator's session; re-made whenever a member restart changed the host connect string. */
  operator(): ZooKeeperSession {
    const connectString = this.ensemble.getConnectString();
    if (this.operatorSession?.connectString !== connectString) {
      this.operatorSession?.close();
      this.operatorSession = new ZooKeeperSession(connectString, { credentials: this.credentials, sessionTimeoutMs: 8000, opTimeoutMs: 2000 });
    }
    return this.operatorSession;
  }

  /** Every container name in this fleet, for error messages and diagnostics. */
  containerNames(): string[] {
    return [...this.ensemble.members.map((m) => m.name), ...this.parts.map((p) => p.name)];
  }

  requireKnown(name: string): void {
    if (!this.containerNames().includes(name)) throw new UnknownNameError(name, 'in this fleet', this.containerNames());
  }

  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const errors: string[] = [];
    this.operatorSession?.close();
    const removals = [...this.parts, ...this.ensemble.members.map((m) => ({ name: m.name, remove: () => m.actions.remove() }))];
    await Promise.all(removals.map((p) => p.remove().catch((e: Error) => errors.push(`${p.name}: ${e.message}`))));
    await this.network.remove().catch((e: Error) => errors.push(`network ${this.network.name}: ${e.message}`));
    if (errors.length) throw new Error(`fleet teardown left errors: ${errors.join('; ')}`);
  }
}
