// A kind of fleet component is one descriptor: which image it runs, how it starts on the run's network (its
// XContainer wrapper), what it adds to a failed scenario's diagnostics, and its part of the verified steady
// state. The builder, the steady state and the diagnostics iterate over FLEET_COMPONENTS (fleet-components.ts)
// instead of naming each kind.
import { Observation } from '../../../containers/shared/deadline';
import { TimingProfile } from '../../../containers/shared/timing-profile';
import { ImageName } from '../../images/image-recipes';
import { FleetSpec } from '../fleet-spec';
import { StartedFleet } from '../started-fleet';

/** What a component starts with: the spec, the run's network and labels, and what the components before it made. */
export interface BuildContext {
  readonly spec: FleetSpec;
  readonly timing: TimingProfile;
  readonly networkName: string;
  /** zk-n's fixed address on that network (FleetNetwork.fixedAddress). */
  readonly memberAddress: (n: number) => string;
  readonly labels: Record<string, string>;
  /** The ensemble's in-network connect string, once the ZooKeeper component has started. */
  readonly zkConnect: string;
  /** The web nodes' names (the gateway may route to these only). */
  readonly nodeNames: readonly string[];
}

export interface ComponentKind<Started> {
  readonly kind: string;
  readonly image: ImageName;
  /** Whether a spec asks for this component. */
  wanted(spec: FleetSpec): boolean;
  /** Starts it (already resolved image reference given); returns once its containers answer. */
  start(ctx: BuildContext, image: string): Promise<Started>;
  /** Its part of the steady state every scenario starts from; judged in FLEET_COMPONENTS' order. */
  steady(fleet: StartedFleet): Promise<Observation>;
  /** Files for a failed scenario's diagnostics (each read bounded; a failure is written, not thrown). */
  diagnostics(fleet: StartedFleet): Promise<Record<string, string>>;
}
