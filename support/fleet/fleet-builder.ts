// Starts a fleet for a spec: the run's network, then each component the spec asks for, in order
// (components/fleet-components.ts); returns once the whole fleet is in the steady state.
import { randomBytes } from 'node:crypto';
import { FleetNetwork } from '../docker/fleet-network';
import { runIdentity } from '../docker/run-identity';
import { StartedZooKeeperEnsemble } from '../../containers/zookeeper/started-zookeeper-ensemble';
import { StartedGateway } from '../../containers/gateway/started-gateway';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { componentsOf } from './components/fleet-components';
import { BuildContext, ComponentKind } from './components/component-kind';
import { requireImage } from '../images/image-catalog';
import { TimingProfile, scaleDeadline } from '../../containers/shared/timing-profile';
import { now } from '../../containers/shared/deadline';
import { progress } from '../progress';
import { FleetSpec, describeSpec, specKey } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { OPERATOR_USER } from '../../containers/zookeeper-client/digest-acl';
import { awaitSteadyState } from './steady-state';
import { collectDiagnostics, writeDiagnostics } from './diagnostics';
import { sweep } from '../docker/sweep';
import { settings } from '../settings';

export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `node-${i + 1}`);
}

export async function buildFleet(spec: FleetSpec, timing: TimingProfile): Promise<StartedFleet> {
  const startedAt = now();
  progress(`building a fleet of ${describeSpec(spec)}`);
  const labels = runIdentity().labels;
  const network = await FleetNetwork.create(specKey(spec));
  try {
    const names = nodeNames(spec.webNodes);
    // The ensemble first: every other component needs its connect string. Then the rest together, since none
    // needs another (the gateway learns the nodes from ZooKeeper): 3 nodes and a gateway start in the time of
    // the slowest, not of both in turn.
    const [ensembleKind, ...others] = componentsOf(spec);
    const ctx = { spec, timing, networkName: network.name, memberAddress: (n: number) => network.fixedAddress(n), labels, zkConnect: '', nodeNames: names };
    const from = now();
    const started: Record<string, unknown> = { zookeeper: await ensembleKind.start(ctx, requireImage(ensembleKind.image).reference) };
    const phases = [`zookeeper ${Math.round(now() - from)} ms`];
    const nodesStartedAt = now();
    const rest = await startComponents(others, { ...ctx, zkConnect: (started.zookeeper as StartedZooKeeperEnsemble).getNetworkConnectString() });
    Object.assign(started, rest.started);
    phases.push(...rest.phases);
    const ensemble = started.zookeeper as StartedZooKeeperEnsemble;
    const credentials = { user: OPERATOR_USER, password: randomBytes(12).toString('hex') };
    const fleet = new StartedFleet(spec, network, ensemble, credentials, (started['web-node'] as StartedWebNode[] | undefined) ?? [], started.gateway as StartedGateway | undefined);
    await fleet.operator().ensurePath('/fleet');
    const steadyFrom = now();
    await awaitSteadyState(fleet, scaleDeadline(timing, 60_000));
    phases.push(`then steady state verified in ${Math.round(now() - steadyFrom)} ms`);
    fleet.timings.ensembleReadyMs = ensemble.readyMs;
    if (spec.webNodes) fleet.timings.nodesReadyMs = now() - nodesStartedAt;
    fleet.timings.fleetReadyMs = now() - startedAt;
    progress(`fleet ready in ${Math.round(fleet.timings.fleetReadyMs)} ms: ${phases.join(', ')}`);
    return fleet;
  } catch (e) {
    // Keep what the containers said, then remove this build's containers (the pool holds no other fleet now)
    // so the next scenario starts clean instead of colliding with names left behind.
    const dir = await collectDiagnostics(undefined, [])
      .then((d) => writeDiagnostics(settings().reportsDir, `fleet-build-${specKey(spec)}-${Date.now()}`, d))
      .catch(() => 'unavailable');
    await sweep({ runId: runIdentity().runId }).catch(() => undefined);
    await network.remove().catch(() => undefined);
    (e as Error).message = `Building the fleet (${describeSpec(spec)}) failed: ${(e as Error).message} (container logs in ${dir})`;
    throw e;
  }
}

/**
 * Starts components that need only the ensemble (nodes, gateway) together; returns what each kind started and
 * how long each took. A failed start is thrown once every other start has ended.
 */
export async function startComponents(kinds: readonly ComponentKind<unknown>[], ctx: BuildContext): Promise<{ started: Record<string, unknown>; phases: string[] }> {
  const started: Record<string, unknown> = {};
  const phases: string[] = [];
  await settleAll(kinds.map(async (component) => {
    const from = now();
    started[component.kind] = await component.start(ctx, requireImage(component.image).reference);
    phases.push(`${component.kind} ${Math.round(now() - from)} ms`);
  }));
  return { started, phases };
}

/** Waits for every start, then throws the first failure: a failed start must not leave another still starting. */
async function settleAll(starts: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(starts);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
