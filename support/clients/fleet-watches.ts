// The fleet's watched znodes: registrations and the Jetty leader latch, each kept by a ChildrenCache on its
// own long-lived session for as long as the fleet lives (a reused fleet keeps its watches across scenarios).
import { ChildrenCache, ChildrenSnapshot } from './children-cache';
import { LEADER_PATH, SERVICES_PATH, latchOrder, parseRegistration } from './fleet-view';

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
}

/** Node names registered in a registrations snapshot, sorted. */
export function registeredNamesOf(s: ChildrenSnapshot): string[] {
  return [...s.children].map(([id, data]) => parseRegistration(id, data.toString('utf8')).node).sort();
}

/** Latch participants (their ids) in order in a latch snapshot; the first leads. */
export function latchParticipantsOf(s: ChildrenSnapshot): string[] {
  return latchOrder([...s.children.keys()]).map((child) => s.children.get(child)?.toString('utf8') ?? '?');
}
