// Configures the ZooKeeper-aware gateway; `start()` returns a StartedGateway once /gateway/health answers.
import { Wait } from 'testcontainers';
import { HTTP_READY_POLL_MS, ZooKeeperClientContainer } from '../shared/fleet-container-config';
import { StartedGateway, GATEWAY_HTTP_PORT } from './started-gateway';

export class GatewayContainer extends ZooKeeperClientContainer {
  private allowlist: string[] = [];
  private hostPort: number | undefined;

  constructor() {
    super('zkharness/gateway:current');
  }

  /** The only hosts it may route to: this fleet's web-node aliases. */
  withBackendAllowlist(names: string[]): this { this.allowlist = [...names]; return this; }
  /** A fixed published port (ZKH_GATEWAY_PORT), for poking the fleet by hand. */
  withHostPort(port: number | undefined): this { this.hostPort = port; return this; }

  async start(): Promise<StartedGateway> {
    const container = await this.onFleetNetwork('gateway', { 'zkharness.role': 'gateway', 'zkharness.node': 'gateway' })
      .withExposedPorts(this.hostPort ? { container: GATEWAY_HTTP_PORT, host: this.hostPort } : GATEWAY_HTTP_PORT)
      .withEnvironment({
        ZK_CONNECT: this.zkConnect,
        ZK_SESSION_TIMEOUT_MS: String(this.sessionTimeoutMs),
        GATEWAY_PORT: String(GATEWAY_HTTP_PORT),
        BACKEND_ALLOWLIST: this.allowlist.join(','),
        BACKEND_PORTS: '8080',
      })
      .withResourcesQuota({ memory: 0.25 })
      .withWaitStrategy(Wait.forHttp('/gateway/health', GATEWAY_HTTP_PORT).forStatusCode(200).withReadTimeout(HTTP_READY_POLL_MS))
      .withStartupTimeout(60_000)
      .start();
    return new StartedGateway(container);
  }
}
