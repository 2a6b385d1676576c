// Lifecycle actions on one container, by id, used by every Started* wrapper (members, nodes, gateway).
import { engine, containerState } from './engine';
import { tarOneFile } from './tar-file';

export class ContainerActions {
  constructor(readonly id: string, readonly name: string) {}

  private async container() {
    return (await engine()).getContainer(this.id);
  }

  async kill(): Promise<void> {
    await (await this.container()).kill({ signal: 'SIGKILL' });
  }

  /** Graceful: SIGTERM, then SIGKILL after the grace period. The container is kept for a later start. */
  async stop(graceSeconds = 10): Promise<void> {
    if ((await this.state()) === 'paused') await this.resume();
    await (await this.container()).stop({ t: graceSeconds }).catch(ignoreNotModified);
  }

  async pause(): Promise<void> {
    await (await this.container()).pause();
  }

  async resume(): Promise<void> {
    await (await this.container()).unpause();
  }

  /** Start a stopped or killed container again (new host ports: callers must re-read them). */
  async start(): Promise<void> {
    await (await this.container()).start().catch(ignoreNotModified);
  }

  /** Writes a file into the container, running or not (the engine's put-archive; its directory must exist). */
  async writeFile(directory: string, name: string, content: string): Promise<void> {
    await (await this.container()).putArchive(tarOneFile(name, Buffer.from(content)), { path: directory });
  }

  async state(): Promise<string> {
    return containerState(this.id);
  }

  async remove(): Promise<void> {
    await (await this.container()).remove({ force: true, v: true }).catch((e: { statusCode?: number }) => {
      if (e.statusCode !== 404 && e.statusCode !== 409) throw e;
    });
  }
}

function ignoreNotModified(e: { statusCode?: number }): void {
  if (e.statusCode !== 304) throw e;
}
