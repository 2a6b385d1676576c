// Configures one web node (Jetty 12 + Curator, or a user's image honouring the same contract) on the run's
// network; `start()` returns a StartedWebNode once /health answers.
import { GenericContainer, Wait } from 'testcontainers';
import { StartedWebNode, NODE_HTTP_PORT } from './started-web-node';

export class WebNodeContainer {
  private image = 'zkharness/web-node:current';
  private networkName = '';
  private labels: Record<string, string> = {};
  private zkConnect = '';
  private sessionTimeoutMs = 4000;

  constructor(readonly name: string) {}

  withImage(image: string): this { this.image = image; return this; }
  withNetwork(networkName: string): this { this.networkName = networkName; return this; }
  withLabels(labels: Record<string, string>): this { this.labels = { ...labels }; return this; }
  withZooKeeper(connectString: string, sessionTimeoutMs: number): this {
    this.zkConnect = connectString;
    this.sessionTimeoutMs = sessionTimeoutMs;
    return this;
  }

  async start(): Promise<StartedWebNode> {
    const container = await new GenericContainer(this.image)
      .withName(`zkh-${this.labels['zkharness.run'] ?? 'x'}-${this.name}`)
      .withLabels({ ...this.labels, 'zkharness.role': 'web-node', 'zkharness.node': this.name })
      .withNetworkMode(this.networkName)
      .withNetworkAliases(this.name)
      .withExposedPorts(NODE_HTTP_PORT)
      .withEnvironment({
        NODE_NAME: this.name,
        ZK_CONNECT: this.zkConnect,
        ZK_SESSION_TIMEOUT_MS: String(this.sessionTimeoutMs),
        HTTP_PORT: String(NODE_HTTP_PORT),
        ADVERTISED_HOST: this.name,
      })
      .withResourcesQuota({ memory: 0.375 })
      .withWaitStrategy(Wait.forHttp('/health', NODE_HTTP_PORT).forStatusCode(200))
      .withStartupTimeout(90_000)
      .start();
    return new StartedWebNode(this.name, container);
  }
}
