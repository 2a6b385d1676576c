// The running gateway: its URL where the engine publishes it and its /gateway/status.
import { StartedTestContainer } from 'testcontainers';
import { ContainerActions } from '../shared/container-actions';
import { getJson } from '../shared/http-client';
import { publishHost } from '../shared/engine';

export const GATEWAY_HTTP_PORT = 8080;

export interface GatewayStatus {
  readonly zk: string;
  readonly backends: { id: string; node: string; address: string; port: number }[];
  readonly leader: string | null;
  readonly refused: { id: string; address: string | null; port: number | null; reason: string }[];
}

export class StartedGateway {
  readonly name = 'gateway';
  readonly actions: ContainerActions;
  private readonly hostPort: number;

  constructor(container: StartedTestContainer) {
    this.actions = new ContainerActions(container.getId(), 'gateway');
    this.hostPort = container.getMappedPort(GATEWAY_HTTP_PORT);
  }

  baseUrl(): string {
    return `http://${publishHost()}:${this.hostPort}`;
  }

  async status(timeoutMs = 1000): Promise<GatewayStatus> {
    const answer = await getJson<GatewayStatus>(`${this.baseUrl()}/gateway/status`, timeoutMs);
    if (answer.status !== 200) throw new Error(`gateway /gateway/status answered ${answer.status}`);
    return answer.body;
  }
}
