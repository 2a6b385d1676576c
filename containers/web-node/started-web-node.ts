// A running web node: its URL on 127.0.0.1 (re-read after every start), its /status, and its lifecycle.
import { StartedTestContainer } from 'testcontainers';
import { ContainerActions } from '../../support/docker/container-actions';
import { mappedPort } from '../../support/docker/engine';
import { getJson } from '../../support/clients/http-client';

export const NODE_HTTP_PORT = 8080;

/** GET /status, as the fleet contract defines it. */
export interface NodeStatus {
  readonly node: string;
  readonly registered: boolean;
  readonly leader: boolean;
  readonly zk: 'CONNECTED' | 'SUSPENDED' | 'LOST' | 'RECONNECTED' | string;
  readonly configVersion: number;
  readonly rejected: { version: number | null; reason: string; at: string; zxid?: number } | null;
}

export class StartedWebNode {
  readonly actions: ContainerActions;
  private hostPort: number;

  constructor(readonly name: string, container: StartedTestContainer) {
    this.actions = new ContainerActions(container.getId(), name);
    this.hostPort = container.getMappedPort(NODE_HTTP_PORT);
  }

  baseUrl(): string {
    return `http://127.0.0.1:${this.hostPort}`;
  }

  async status(timeoutMs = 1000): Promise<NodeStatus> {
    const answer = await getJson<NodeStatus>(`${this.baseUrl()}/status`, timeoutMs);
    if (answer.status !== 200) throw new Error(`${this.name} /status answered ${answer.status}`);
    return answer.body;
  }

  async isRunning(): Promise<boolean> {
    return (await this.actions.state()) === 'running';
  }

  kill = () => this.actions.kill();
  pause = () => this.actions.pause();
  resume = () => this.actions.resume();
  stop = () => this.actions.stop(10);

  async start(): Promise<void> {
    await this.actions.start();
    this.hostPort = await mappedPort(this.actions.id, NODE_HTTP_PORT);
  }

  async restart(): Promise<void> {
    const state = await this.actions.state();
    if (state === 'paused') await this.actions.resume();
    if (state === 'running' || state === 'paused') await this.actions.stop(10);
    await this.start();
  }
}
