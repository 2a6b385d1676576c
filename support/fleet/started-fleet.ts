// A running topology: the run's network, the ensemble, the web nodes, the gateway, and the operator's
// ZooKeeper session. Names resolve here; teardown is idempotent and collects errors.
import { SidecarContainer, stopSidecar } from '../../containers/nemesis/nemesis-sidecar';
import { FleetNetwork } from '../docker/fleet-network';
import { StartedZooKeeperEnsemble } from '../../containers/zookeeper/started-zookeeper-ensemble';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { StartedGateway } from '../../containers/gateway/started-gateway';
import { ZooKeeperSession } from '../../containers/zookeeper-client/zookeeper-session';
import { OperatorCredentials } from '../../containers/zookeeper-client/digest-acl';
import { FleetView } from '../clients/fleet-view';
import { FleetWatches } from '../clients/fleet-watches';
import { FleetConfigWriter } from './fleet-config';
import { FleetSpec } from './fleet-spec';
import { UnknownNameError, SettingError } from '../../containers/shared/errors';
import { History } from '../history/history';
import { ContainerActions } from '../../containers/shared/container-actions';

/** A nemesis sidecar being started or running for a target, with the target container and start it joined. */
export type Sidecar = Promise<SidecarContainer & { targetId: string; startedAt: string | null }>;

export class StartedFleet {
  private operatorSession: ZooKeeperSession | undefined;
  private fleetWatches: FleetWatches | undefined;
  private closed = false;
  readonly timings: Record<string, number> = {};
  readonly view: FleetView;
  readonly config: FleetConfigWriter;
  /** The history of the scenario using this fleet now: the operator's writes (a reset's too) go into it. */
  history: History | undefined;

  constructor(
    readonly spec: FleetSpec,
    readonly network: FleetNetwork,
    readonly ensemble: StartedZooKeeperEnsemble,
    readonly credentials: OperatorCredentials,
    readonly nodes: readonly StartedWebNode[] = [],
    readonly gatewayContainer: StartedGateway | undefined = undefined,
  ) {
    this.view = new FleetView(() => this.operator(), () => this.nodes);
    this.config = new FleetConfigWriter(() => this.operator(), credentials, () => this.history);
  }

  /** The operator's session; re-made when a member restart changed the host connect string (it renews itself after expiry). */
  operator(): ZooKeeperSession {
    const connectString = this.ensemble.getConnectString();
    if (this.operatorSession?.connectString !== connectString) {
      this.operatorSession?.close();
      this.operatorSession = new ZooKeeperSession(connectString, { credentials: this.credentials, sessionTimeoutMs: 8000, opTimeoutMs: 2000 });
    }
    return this.operatorSession;
  }

  /** The fleet's watches, started on first use and kept for the fleet's life (so a fault is watched from before). */
  watches(): FleetWatches {
    if (!this.fleetWatches) {
      this.fleetWatches = new FleetWatches(() => this.ensemble.getConnectString());
      this.fleetWatches.start();
    }
    return this.fleetWatches;
  }

  node(name: string): StartedWebNode {
    const found = this.nodes.find((n) => n.name === name);
    if (!found) {
      throw new UnknownNameError(name, 'in this fleet', this.nodes.length ? this.nodes.map((n) => n.name) : ['it has no Jetty nodes']);
    }
    return found;
  }

  nodeNames(): string[] {
    return this.nodes.map((n) => n.name);
  }

  gateway(): StartedGateway {
    if (!this.gatewayContainer) throw new SettingError('This fleet has no gateway: declare it with "Given 3 Jetty nodes behind the gateway".');
    return this.gatewayContainer;
  }

  /**
   * Nemesis sidecar containers kept per target while the target runs (support/faults/network-faults.ts): a fault
   * then adds its rules in tens of ms instead of starting a container. Keyed by target name; `startedAt` tells a
   * restarted target (a new network namespace) from the one the sidecar joined.
   */
  readonly sidecars = new Map<string, Sidecar>();

  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.ensemble.members, ...this.nodes, ...(this.gatewayContainer ? [this.gatewayContainer] : [])];
    const errors = await this.letGo(all);
    await this.network.remove().catch((e: Error) => errors.push(new Error(`network ${this.network.name}: ${e.message}`, { cause: e })));
    if (errors.length) throw new AggregateError(errors, `fleet teardown left errors: ${errors.map((e) => e.message).join('; ')}`);
  }

  /**
   * Ends this object's life while its ensemble and network live on in a fleet of another shape (fleet-reshape.ts):
   * its sessions and watches go, and so do the `leaving` containers (with their sidecars), stopped gracefully
   * first so a web node deregisters at once instead of leaving its registration to expire under the next fleet.
   * Returns the sidecars of the containers that stay, for the successor: their first fault then starts none.
   */
  async handOver(leaving: readonly { readonly name: string; readonly actions: ContainerActions }[]): Promise<Map<string, Sidecar>> {
    if (this.closed) throw new Error('this fleet was already stopped or handed over');
    this.closed = true;
    const kept = new Map([...this.sidecars].filter(([name]) => !leaving.some((c) => c.name === name)));
    await Promise.all(leaving.map((c) => c.actions.stop(10).catch(() => undefined)));
    for (const name of kept.keys()) this.sidecars.delete(name);
    const errors = await this.letGo(leaving);
    if (errors.length) throw new AggregateError(errors, `handing the fleet over left errors: ${errors.map((e) => e.message).join('; ')}`);
    return kept;
  }

  /** Stops this object's sidecars, closes the operator's session and the watches, and removes `containers`; returns what failed. */
  private async letGo(containers: readonly { readonly actions: ContainerActions }[]): Promise<Error[]> {
    const errors: Error[] = [];
    await Promise.all([...this.sidecars.values()].map((s) => s.then(stopSidecar).catch(() => undefined)));
    this.sidecars.clear();
    this.operatorSession?.close();
    this.fleetWatches?.close();
    await Promise.all(containers.map((c) => c.actions.remove().catch((e: Error) => errors.push(new Error(`${c.actions.name}: ${e.message}`, { cause: e })))));
    return errors;
  }
}
