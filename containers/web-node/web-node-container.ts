// Configures one web node (Jetty 12 + Curator, or a user's image honouring the same contract) on the run's
// network; `start()` returns a StartedWebNode once /health answers.
import { Wait } from 'testcontainers';
import { HTTP_READY_POLL_MS, ZooKeeperClientContainer } from '../shared/fleet-container-config';
import { StartedWebNode, NODE_HTTP_PORT } from './started-web-node';

export class WebNodeContainer extends ZooKeeperClientContainer {
  private leaderPolicy: 'standard' | 'session' = 'standard';

  constructor(readonly name: string) {
    super('zkharness/web-node:current');
  }

  /** `session` keeps Jetty leadership until the ZooKeeper session is lost (unsafe; for showing the hazard). */
  withLeaderErrorPolicy(policy: 'standard' | 'session'): this {
    this.leaderPolicy = policy;
    return this;
  }

  async start(): Promise<StartedWebNode> {
    const container = await this.onFleetNetwork(this.name, { 'zkharness.role': 'web-node', 'zkharness.node': this.name })
      .withExposedPorts(NODE_HTTP_PORT)
      .withEnvironment({
        NODE_NAME: this.name,
        ZK_CONNECT: this.zkConnect,
        ZK_SESSION_TIMEOUT_MS: String(this.sessionTimeoutMs),
        HTTP_PORT: String(NODE_HTTP_PORT),
        ADVERTISED_HOST: this.name,
        LEADER_ERROR_POLICY: this.leaderPolicy,
      })
      .withResourcesQuota({ memory: 0.375 })
      .withWaitStrategy(Wait.forHttp('/health', NODE_HTTP_PORT).forStatusCode(200).withReadTimeout(HTTP_READY_POLL_MS))
      .withStartupTimeout(90_000)
      .start();
    return new StartedWebNode(this.name, container);
  }
}
