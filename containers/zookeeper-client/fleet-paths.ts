// The fleet's ZooKeeper layout (a contract, DESIGN.md §1): where the web nodes register, where they elect
// their leader, and where the operator keeps the fleet config.

/** Curator ServiceDiscovery: base path /fleet/services, service `web`; one ephemeral znode per instance. */
export const SERVICES_PATH = '/fleet/services/web';
/** Curator LeaderLatch: participant id = node name; the lowest sequence child leads. */
export const LEADER_PATH = '/fleet/leader';
/** The fleet config: anyone may read it, only the operator may write it. */
export const CONFIG_PATH = '/fleet/config';
