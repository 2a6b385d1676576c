// One read of a znode's children with their data and owners: the watch recipe's read, and the harness's
// one-off look at the registry.
import type { Stat } from 'node-zookeeper-client';
import type { Watcher, ZooKeeperSession } from './zookeeper-session';

export interface ChildrenRead {
  /** false while the path does not exist (with a watcher, its creation is watched). */
  readonly pathExists: boolean;
  /** child name → data; a child removed between the two reads is left out (with a watcher, its notification follows). */
  readonly children: ReadonlyMap<string, Buffer>;
  /** child name → the session that owns it (16 hex digits; all zeros for a persistent znode). */
  readonly owners: ReadonlyMap<string, string>;
}

/** What a read needs of a session. */
export type ChildrenReader = Pick<ZooKeeperSession, 'getChildren' | 'getData'>;

/** Reads the children, then each child's data; with a `watcher`, both the children and every child's data are watched. */
export async function readChildren(session: ChildrenReader, path: string, watcher?: Watcher): Promise<ChildrenRead> {
  const children = new Map<string, Buffer>();
  const owners = new Map<string, string>();
  const names = await session.getChildren(path, watcher);
  if (names === null) return { pathExists: false, children, owners };
  const read = await Promise.all(names.map(async (name) => [name, await session.getData(`${path}/${name}`, watcher)] as const));
  for (const [name, node] of read) {
    if (node === null) continue;
    children.set(name, node.data ?? Buffer.alloc(0));
    owners.set(name, ownerOf(node.stat));
  }
  return { pathExists: true, children, owners };
}

/** The owner a persistent znode reports: no session. */
export const NO_OWNER = '0'.repeat(16);

/** A znode's ephemeral owner as 16 hex digits, the way ZooKeeper's Java client prints a session id. */
export function ownerOf(stat: Pick<Stat, 'ephemeralOwner'> | undefined): string {
  const raw: unknown = stat?.ephemeralOwner;
  if (Buffer.isBuffer(raw)) return raw.toString('hex').padStart(16, '0');
  if (typeof raw === 'number' || typeof raw === 'bigint') return BigInt(raw).toString(16).padStart(16, '0');
  return NO_OWNER;
}
