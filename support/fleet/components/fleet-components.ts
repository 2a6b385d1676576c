// Every kind of fleet component, in the order they start (the others connect to the ensemble) and are judged.
import { zookeeperComponent } from './zookeeper-component';
import { webNodeComponent } from './web-node-component';
import { gatewayComponent } from './gateway-component';
import { FleetSpec } from '../fleet-spec';

export const FLEET_COMPONENTS = [zookeeperComponent, webNodeComponent, gatewayComponent] as const;

/** The component kinds a spec asks for, in order. */
export function componentsOf(spec: FleetSpec) {
  return FLEET_COMPONENTS.filter((c) => c.wanted(spec));
}
