import type { Client, Watcher } from 'node-zookeeper-client';
import { Lifecycle } from './lifecycle';
import { READ_AGAIN, RefreshLoop } from './refresh-loop';
import type { SessionView } from './refresh-loop';
import { exists, getChildren, getData } from './zk-ops';

export interface ServiceSnapshot {
  /** false while the service path does not exist (yet); its creation is watched. */
  readonly pathExists: boolean;
  /** instance id (child name) → registration bytes. */
  readonly registrations: ReadonlyMap<string, Buffer>;
}

/**
 * Curator's ServiceCache for one service: watches the children of the service path and the data of
 * each child, and publishes the whole table after every change and after every (re)connection.
 */
export class ServiceCache {
  private readonly lifecycle = new Lifecycle('ServiceCache');
  private readonly loop: RefreshLoop<ServiceSnapshot>;

  constructor(session: SessionView, private readonly path: string, onChange: (snapshot: ServiceSnapshot) => void) {
    this.loop = new RefreshLoop('service-cache', session, (client, watcher) => this.readAll(client, watcher), onChange);
  }

  start(): void {
    this.lifecycle.start();
    this.loop.start();
  }

  close(): void {
    if (this.lifecycle.close()) this.loop.close();
  }

  private async readAll(client: Client, watcher: Watcher): Promise<ServiceSnapshot | typeof READ_AGAIN> {
    const children = await getChildren(client, this.path, watcher);
    if (children === null) {
      // Watch for the path's creation; if it appeared meanwhile, read again.
      const appeared = await exists(client, this.path, watcher);
      return appeared ? READ_AGAIN : { pathExists: false, registrations: new Map() };
    }
    const entries = await Promise.all(
      children.map(async (child) => [child, await getData(client, `${this.path}/${child}`, watcher)] as const),
    );
    const registrations = new Map<string, Buffer>();
    for (const [child, data] of entries) {
      if (data !== null) registrations.set(child, data);
    }
    return { pathExists: true, registrations };
  }
}
