// The verified steady state every scenario starts from: all members up with one leader and writes accepted;
// every node running and registered (and the registrations watch live); one Jetty leader; the gateway routing to every node.
import { eventually, Observation } from '../../containers/shared/deadline';
import { StartedFleet } from './started-fleet';
import { componentsOf } from './components/fleet-components';
import { zookeeperComponent } from './components/zookeeper-component';
import { forgetDeadSessions } from './dead-sessions';

/** How often the steady state is polled: a reset that finds the fleet as it left it ends at the first poll. */
const POLL_MS = 25;

/** The ensemble's part alone: before the config reset, writes must land. */
export function ensembleSteady(fleet: StartedFleet): Promise<Observation> {
  return zookeeperComponent.steady(fleet);
}

/**
 * Every component's part, judged at once (each asks its own containers, so none waits for another's round
 * trips); the first in FLEET_COMPONENTS' order that is not steady says why.
 */
export async function fleetSteady(fleet: StartedFleet): Promise<Observation> {
  const parts = await Promise.all(componentsOf(fleet.spec).map((c) => c.steady(fleet)));
  return parts.find((p) => !p.ok) ?? parts.at(-1) ?? { ok: false, seen: 'no component' };
}

/** Waits for the ensemble alone to be steady, polled as often as the whole steady state. */
export function awaitEnsembleSteady(fleet: StartedFleet, what: string, withinMs: number): Promise<unknown> {
  return eventually(what, () => ensembleSteady(fleet), withinMs, { pollMs: POLL_MS });
}

export async function awaitSteadyState(fleet: StartedFleet, withinMs: number): Promise<void> {
  await eventually('the fleet to be steady (one ZooKeeper leader, writes accepted, every node registered, one Jetty leader, the gateway routing to all)',
    () => fleetSteady(fleet), withinMs, { pollMs: POLL_MS });
}

/** What a reset had to do, for the pool's figures: nothing, or bring containers back. */
export interface RestoreOutcome {
  readonly broughtBack: readonly string[];
  /** Znodes of dead sessions (killed nodes) forgotten instead of awaiting their expiry. */
  readonly forgotten?: readonly string[];
}

/**
 * Brings every container back at once (start, unpause), forgets the config, and waits for the steady state.
 * `ensembleOnly`: the members alone, for a fleet whose nodes and gateway are about to be removed (a reshape).
 */
export async function restoreSteadyState(fleet: StartedFleet, withinMs: number, ensembleOnly = false): Promise<RestoreOutcome> {
  const containers = [...fleet.ensemble.members, ...(ensembleOnly ? [] : fleet.nodes)];
  const acted = await Promise.all(containers.map((c) => c.bringBack()));
  const broughtBack = containers.filter((_, i) => acted[i]).map((c) => c.name);
  const ensembleReady = (what: string) => awaitEnsembleSteady(fleet, what, withinMs);
  if (fleet.nodes.length || ensembleOnly) {
    // Nodes keep serving what they have and accept any version next: the scenario's own config then applies.
    // (A reshape forgets it too: the nodes it starts must not begin on the last scenario's config.)
    // A member brought back may still be joining: the delete then waits for a quorum that takes writes.
    const quorum = () => ensembleReady('the ensemble to accept writes before the config reset');
    if (broughtBack.some((n) => fleet.ensemble.members.some((m) => m.name === n))) await quorum();
    await fleet.config.remove().catch(async () => {
      await quorum();
      await fleet.config.remove();
    });
  }
  if (ensembleOnly) {
    await ensembleReady('the ensemble to be steady (one leader, every member serving, writes accepted)');
    return { broughtBack };
  }
  // A node killed in the scenario (brought back here, or already by its fault's heal) leaves its old session's
  // znodes until they expire: looked for at every reset, since only the live sessions can tell.
  const forgotten = fleet.nodes.length ? await forgetDeadSessions(fleet, withinMs) : [];
  await awaitSteadyState(fleet, withinMs);
  return { broughtBack, forgotten };
}
