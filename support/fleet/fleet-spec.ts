// The shape a scenario asks for. Two scenarios with equal specs can share one started fleet (reset between).
export interface FleetSpec {
  readonly zookeeperMembers: number;
  readonly webNodes: number;
  readonly gateway: boolean;
  /** The nodes' LEADER_ERROR_POLICY: `standard` (safe, the default) or `session` (leadership kept until LOST). */
  readonly leaderPolicy?: 'standard' | 'session';
}

export const EMPTY_SPEC: FleetSpec = { zookeeperMembers: 0, webNodes: 0, gateway: false };

export function specKey(spec: FleetSpec): string {
  const policy = spec.leaderPolicy && spec.leaderPolicy !== 'standard' ? `-${spec.leaderPolicy}-policy` : '';
  return `zk${spec.zookeeperMembers}-web${spec.webNodes}${spec.gateway ? '-gw' : ''}${policy}`;
}

export function describeSpec(spec: FleetSpec): string {
  const parts = [`${spec.zookeeperMembers} ZooKeeper members`];
  if (spec.webNodes) parts.push(`${spec.webNodes} Jetty nodes`);
  if (spec.gateway) parts.push('the gateway');
  if (spec.leaderPolicy === 'session') parts.push('leadership kept until the session is lost');
  return parts.join(', ');
}
