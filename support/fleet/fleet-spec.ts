// The shape a scenario asks for. Two scenarios with equal specs can share one started fleet (reset between).
export interface FleetSpec {
  readonly zookeeperMembers: number;
  readonly webNodes: number;
  readonly gateway: boolean;
}

export const EMPTY_SPEC: FleetSpec = { zookeeperMembers: 0, webNodes: 0, gateway: false };

export function specKey(spec: FleetSpec): string {
  return `zk${spec.zookeeperMembers}-web${spec.webNodes}${spec.gateway ? '-gw' : ''}`;
}

export function describeSpec(spec: FleetSpec): string {
  const parts = [`${spec.zookeeperMembers} ZooKeeper members`];
  if (spec.webNodes) parts.push(`${spec.webNodes} Jetty nodes`);
  if (spec.gateway) parts.push('the gateway');
  return parts.join(', ');
}
