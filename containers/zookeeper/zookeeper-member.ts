// One started ensemble member: its names, its host port (re-read after every start) and its lifecycle.
import { StartedTestContainer } from 'testcontainers';
import { ContainerActions } from '../../support/docker/container-actions';
import { mappedPort } from '../../support/docker/engine';
import { MemberMode, memberMode } from './four-letter-words';

export const CLIENT_PORT = 2181;

export class StartedZooKeeperMember {
  readonly actions: ContainerActions;
  private hostPort: number;

  constructor(readonly id: number, readonly name: string, container: StartedTestContainer) {
    this.actions = new ContainerActions(container.getId(), name);
    this.hostPort = container.getMappedPort(CLIENT_PORT);
  }

  /** 127.0.0.1:<port> as the harness reaches it. */
  hostAddress(): string {
    return `127.0.0.1:${this.hostPort}`;
  }

  /** In-network address, for fleet containers. */
  networkAddress(): string {
    return `${this.name}:${CLIENT_PORT}`;
  }

  async mode(timeoutMs = 1000): Promise<MemberMode> {
    if ((await this.actions.state()) !== 'running') return 'unreachable';
    return memberMode('127.0.0.1', this.hostPort, timeoutMs);
  }

  kill = () => this.actions.kill();
  pause = () => this.actions.pause();
  resume = () => this.actions.resume();
  /** Graceful; ZooKeeper's JVM is PID 1, so SIGTERM ends it at once. */
  stop = () => this.actions.stop(10);

  async start(): Promise<void> {
    await this.actions.start();
    this.hostPort = await mappedPort(this.actions.id, CLIENT_PORT);
  }

  async restart(): Promise<void> {
    const state = await this.actions.state();
    if (state === 'paused') await this.actions.resume();
    if (state === 'running' || state === 'paused') await this.actions.stop(10);
    await this.start();
  }

  async isRunning(): Promise<boolean> {
    return (await this.actions.state()) === 'running';
  }
}
