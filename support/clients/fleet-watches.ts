// The fleet's watched znodes: registrations and the Jetty leader latch, each kept by a ChildrenCache on its
// own long-lived session for as long as the fleet lives (a reused fleet keeps its watches across scenarios).
import { ChildrenCache, ChildrenSnapshot } from './children-cache';
import { LEADER_PATH, SERVICES_PATH, parseRegistration } from './fleet-view';

export class FleetWatches {
  readonly registrations: ChildrenCache;
  readonly latch: ChildrenCache;

  constructor(connectString: () => string) {
    this.registrations = new ChildrenCache(SERVICES_PATH, connectString);
    this.latch = new ChildrenCache(LEADER_PATH, connectString);
  }

  start(): void {
    this.registrations.start();
    this.latch.start();
  }

  close(): void {
    this.registrations.close();
    this.latch.close();
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
  return [...s.children].map(([id, data]) => parseRegistration(id, data.toString('utf8')).node).sort();
}
