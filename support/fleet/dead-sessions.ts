// A killed node's registration and latch znodes outlive its process until its session expires (seconds later).
// Every reset forgets them at once, as the expiry would (the node may have been brought back by the reset or
// already by its fault's heal): otherwise the next scenario would start with a stale registration that vanishes in
// its middle, or the reset would wait for the expiry.
import { eventually, Observation } from '../../containers/shared/deadline';
import { NO_OWNER, readChildren } from '../../containers/zookeeper-client/read-children';
import { LEADER_PATH, SERVICES_PATH } from '../../containers/zookeeper-client/fleet-paths';
import { NodeStatus } from '../../containers/web-node/started-web-node';
import { StartedFleet } from './started-fleet';

export interface OwnedZnode {
  readonly path: string;
  /** The owning session, 16 hex digits; all zeros for a persistent znode. */
  readonly owner: string;
}

/** The ephemeral znodes owned by none of the live sessions. */
export function deadSessionZnodes(znodes: readonly OwnedZnode[], liveSessions: ReadonlySet<string>): string[] {
  return znodes.filter((z) => z.owner !== NO_OWNER && !liveSessions.has(z.owner)).map((z) => z.path);
}

/**
 * The session of every node's process, once each answers with one; until then not ok (a restarted JVM is still
 * connecting, and a znode must never be taken for dead while its owner may be a process we have not heard from).
 */
export function liveSessionsOf(statuses: Readonly<Record<string, NodeStatus | string>>): Observation & { sessions: Set<string> } {
  const sessions = new Set<string>();
  const silent: string[] = [];
  for (const [name, s] of Object.entries(statuses)) {
    if (typeof s === 'string' || !s.session) silent.push(name);
    else sessions.add(s.session);
  }
  return { ok: silent.length === 0, seen: silent.length ? `no session yet: ${silent.join(', ')}` : `sessions ${[...sessions].join(', ')}`, sessions };
}

/** Deletes the registration and latch znodes of sessions no node process holds; returns their paths. */
export async function forgetDeadSessions(fleet: StartedFleet, withinMs: number): Promise<string[]> {
  let live = new Set<string>();
  await eventually('every node to answer with its ZooKeeper session (before forgetting the znodes of dead ones)', async () => {
    const judged = liveSessionsOf(await fleet.view.statuses());
    live = judged.sessions;
    return judged;
  }, withinMs, { pollMs: 25 });
  const session = fleet.operator();
  const owned: OwnedZnode[] = [];
  for (const parent of [SERVICES_PATH, LEADER_PATH]) {
    const { owners } = await readChildren(session, parent);
    for (const [name, owner] of owners) owned.push({ path: `${parent}/${name}`, owner });
  }
  const dead = deadSessionZnodes(owned, live);
  await Promise.all(dead.map((path) => session.remove(path)));
  return dead;
}
