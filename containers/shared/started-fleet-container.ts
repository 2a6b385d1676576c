// What every started fleet container (member, node) can do: its lifecycle, and its one published port,
// which is re-read after every start (a container started again gets a new host port).
import { StartedTestContainer } from 'testcontainers';
import { ContainerActions } from './container-actions';
import { mappedPort } from './engine';

export abstract class StartedFleetContainer {
  readonly actions: ContainerActions;
  protected hostPort: number;

  protected constructor(readonly name: string, container: StartedTestContainer, private readonly containerPort: number) {
    this.actions = new ContainerActions(container.getId(), name);
    this.hostPort = container.getMappedPort(containerPort);
  }

  kill = () => this.actions.kill();
  pause = () => this.actions.pause();
  resume = () => this.actions.resume();
  /** Graceful: the fleet's processes are PID 1, so SIGTERM ends them at once. */
  stop = () => this.actions.stop(10);

  async start(): Promise<void> {
    await this.actions.start();
    this.hostPort = await mappedPort(this.actions.id, this.containerPort);
  }

  async restart(): Promise<void> {
    const state = await this.actions.state();
    if (state === 'paused') await this.actions.resume();
    if (state === 'running' || state === 'paused') await this.actions.stop(10);
    await this.start();
  }

  /** Running again whatever happened to it: unpaused if paused, started if stopped or killed; true if it had to. */
  async bringBack(): Promise<boolean> {
    const state = await this.actions.state();
    if (state === 'paused') await this.resume();
    else if (state !== 'running') await this.start();
    return state !== 'running';
  }

  async isRunning(): Promise<boolean> {
    return (await this.actions.state()) === 'running';
  }
}
