import type { Client, Watcher } from 'node-zookeeper-client';
import { leaderChild } from './latch-order';
import { Lifecycle } from './lifecycle';
import { READ_AGAIN, RefreshLoop } from './refresh-loop';
import type { SessionView } from './refresh-loop';
import { getChildren, exists, getData } from './zk-ops';

/** The current Jetty leader: the participant id (node name) of the lowest LeaderLatch child, or null. */
export type LeaderSnapshot = string | null;

/** Follows a Curator LeaderLatch from the outside: watches its children, reads the leader's participant id. */
export class LeaderWatch {
  private readonly lifecycle = new Lifecycle('LeaderWatch');
  private readonly loop: RefreshLoop<LeaderSnapshot>;
  /** Latch children never change their data, so a participant id is read once per child. */
  private readonly participants = new Map<string, string>();

  constructor(session: SessionView, private readonly path: string, onChange: (leader: LeaderSnapshot) => void) {
    this.loop = new RefreshLoop('leader-watch', session, (client, watcher) => this.readLeader(client, watcher), onChange);
  }

  start(): void {
    this.lifecycle.start();
    this.loop.start();
  }

  close(): void {
    if (this.lifecycle.close()) this.loop.close();
  }

  private async readLeader(client: Client, watcher: Watcher): Promise<LeaderSnapshot | typeof READ_AGAIN> {
    const children = await getChildren(client, this.path, watcher);
    if (children === null) return (await exists(client, this.path, watcher)) ? READ_AGAIN : null;
    for (const known of [...this.participants.keys()]) {
      if (!children.includes(known)) this.participants.delete(known);
    }
    const child = leaderChild(children);
    if (child === null) return null;
    const cached = this.participants.get(child);
    if (cached !== undefined) return cached;
    const data = await getData(client, `${this.path}/${child}`, undefined);
    // The leader's child went away between the two reads: the children watch has fired, read again.
    if (data === null) return READ_AGAIN;
    const participant = data.toString('utf8').trim();
    this.participants.set(child, participant);
    return participant;
  }
}
