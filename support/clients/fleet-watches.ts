// The fleet's watched znodes: registrations and the Jetty leader latch, each kept by a ChildrenCache on its
// own long-lived session for as long as the fleet lives (a reused fleet keeps its watches across scenarios).
// A session each, so that a read of one path never waits behind the other's (ZooKeeper answers a session's
// requests in order): each snapshot's read window stays as narrow as one path allows.
import { ChildrenCache, ChildrenSnapshot } from '../../containers/zookeeper-client/children-cache';
import { ZooKeeperSession } from '../../containers/zookeeper-client/zookeeper-session';
import { LEADER_PATH, SERVICES_PATH } from '../../containers/zookeeper-client/fleet-paths';
import { registrationOf } from './fleet-view';

export class FleetWatches {
  readonly registrations: ChildrenCache;
  readonly latch: ChildrenCache;
  private readonly sessions: ZooKeeperSession[] = [];

  /** `connectString` is asked again whenever a session follows restarted members to their new host ports. */
  constructor(connectString: () => string) {
    const watch = (path: string) => {
      const session = new ZooKeeperSession(connectString, { sessionTimeoutMs: 4000, opTimeoutMs: 2000 });
      this.sessions.push(session);
      return new ChildrenCache(path, session);
    };
    this.registrations = watch(SERVICES_PATH);
    this.latch = watch(LEADER_PATH);
  }

  start(): void {
    this.registrations.start();
    this.latch.start();
  }

  close(): void {
    this.registrations.close();
    this.latch.close();
    for (const session of this.sessions) session.close();
  }

  /** For failure diagnostics: each watch's state and its last snapshots, on the harness's clock (ms). */
  report(lastN = 12): string {
    return [this.registrations, this.latch].map((cache) => [
      cache.describe(),
      ...cache.snapshots().slice(-lastN).map((s) => `  epoch ${s.epoch}  notified ${s.changedAtMs === null ? '(connect read)' : s.changedAtMs.toFixed(1)}  read ${s.readStartMs.toFixed(1)}–${s.readEndMs.toFixed(1)}  [${[...s.children.keys()].sort().join(', ')}]`),
    ].join('\n')).join('\n\n');
  }
}

/** Node names registered in a registrations snapshot, sorted. */
export function registeredNamesOf(s: ChildrenSnapshot): string[] {
  return [...s.children].map(([id, data]) => registrationOf(id, data).node).sort();
}
