// What every fleet container's configuration shares: the image, the run's labels and network, and (for the
// ZooKeeper clients: web nodes, gateway) the ensemble to connect to.
import { GenericContainer } from 'testcontainers';
import { publishHost } from './engine';

/**
 * How often a starting node or gateway is asked for its health. testcontainers' HTTP wait uses its read timeout as
 * its interval too (default 1 s): the JVM answers ~0.3 s after its start, so the second ask, 1 s in, was the one
 * that found it. At 200 ms the nodes' phase of a fleet build took 1.90 s against 2.17 s (medians, 5 builds each;
 * fleet ready 3.64 s against 4.07 s); at 50 ms the asks themselves slowed the JVMs' start on 2 cores.
 * Each ask is bounded by the same 200 ms and retried until the startup timeout.
 */
export const HTTP_READY_POLL_MS = 200;

type PortToExpose = Parameters<GenericContainer['withExposedPorts']>[number];

/**
 * A GenericContainer whose engine log is bounded (a member on a full disk logs ~50 lines a second, and the
 * engine keeps a container's whole output on the host's disk unless told otherwise) and whose ports are
 * published on the one address the harness reaches them at: testcontainers leaves the address to the engine,
 * and an ordinary engine then publishes on every interface (0.0.0.0 and [::]).
 */
export class FleetGenericContainer extends GenericContainer {
  constructor(image: string) {
    super(image);
    this.hostConfig.LogConfig = { Type: 'json-file', Config: { 'max-size': '5m', 'max-file': '2' } };
  }

  override withExposedPorts(...ports: PortToExpose[]): this {
    super.withExposedPorts(...ports);
    const address = publishHost();
    for (const bindings of Object.values(this.hostConfig.PortBindings ?? {})) {
      for (const binding of bindings as { HostIp?: string }[]) binding.HostIp = address;
    }
    return this;
  }

  /**
   * On the fleet network from its creation, under `alias` and at `address` when given. testcontainers, asked for
   * aliases, creates a container on the default bridge and connects it to the network after, with no way to
   * give it an address; this is one call less and leaves it on the fleet network only.
   */
  onNetwork(networkName: string, alias: string, address?: string): this {
    this.withNetworkMode(networkName);
    this.createOpts.NetworkingConfig = { EndpointsConfig: { [networkName]: { Aliases: [alias], ...(address ? { IPAMConfig: { IPv4Address: address } } : {}) } } };
    return this;
  }

  /** The network endpoint this container will be created with (read by the unit test). */
  endpoints(): Record<string, unknown> {
    return JSON.parse(JSON.stringify(this.createOpts.NetworkingConfig?.EndpointsConfig ?? {}));
  }

  /** The port bindings this container will ask the engine for (read by the unit test). */
  portBindings(): Record<string, { HostIp?: string; HostPort?: string }[]> {
    return JSON.parse(JSON.stringify(this.hostConfig.PortBindings ?? {}));
  }
}

/** A container named and labelled for this run, on the run's network under `alias` (at `address` when given). */
export function fleetContainer(image: string, labels: Record<string, string>, networkName: string, alias: string, roleLabels: Record<string, string>, address?: string): FleetGenericContainer {
  return new FleetGenericContainer(image)
    .withName(`zkh-${labels['zkharness.run'] ?? 'x'}-${alias}`)
    .withLabels({ ...labels, ...roleLabels })
    .onNetwork(networkName, alias, address);
}

export abstract class ZooKeeperClientContainer {
  protected networkName = '';
  protected labels: Record<string, string> = {};
  protected zkConnect = '';
  protected sessionTimeoutMs = 4000;

  protected constructor(protected image: string) {}

  withImage(image: string): this { this.image = image; return this; }
  withNetwork(networkName: string): this { this.networkName = networkName; return this; }
  withLabels(labels: Record<string, string>): this { this.labels = { ...labels }; return this; }
  withZooKeeper(connectString: string, sessionTimeoutMs: number): this {
    this.zkConnect = connectString;
    this.sessionTimeoutMs = sessionTimeoutMs;
    return this;
  }

  protected onFleetNetwork(alias: string, roleLabels: Record<string, string>): GenericContainer {
    return fleetContainer(this.image, this.labels, this.networkName, alias, roleLabels);
  }
}
