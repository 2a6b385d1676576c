// The verified steady state every scenario starts from: all members up with one leader, writes accepted,
// (with nodes) every node running, registered and on the scenario's config, one Jetty leader.
import { eventually, Observation } from '../timing/eventually';
import { describeModes } from '../../containers/zookeeper/zookeeper-ensemble';
import { tryWrite } from '../clients/zookeeper-session';
import { StartedFleet } from './started-fleet';

export async function ensembleSteady(fleet: StartedFleet): Promise<Observation> {
  const modes = await fleet.ensemble.modes();
  const values = Object.values(modes);
  const leaders = values.filter((m) => m === 'leader' || m === 'standalone').length;
  const followers = values.filter((m) => m === 'follower').length;
  if (leaders !== 1 || leaders + followers !== values.length) return { ok: false, seen: describeModes(modes) };
  const write = await tryWrite(fleet.ensemble.getConnectString(), 2000);
  return { ok: write.ok, seen: write.ok ? describeModes(modes) : write.detail };
}

/** Brings every container back (start, unpause) and waits for the steady state. */
export async function restoreSteadyState(fleet: StartedFleet, withinMs: number): Promise<void> {
  for (const member of fleet.ensemble.members) {
    const state = await member.actions.state();
    if (state === 'paused') await member.resume();
    else if (state !== 'running') await member.start();
  }
  await eventually('the ensemble to be steady (one leader, all others following, writes accepted)', () => ensembleSteady(fleet), withinMs, { pollMs: 100 });
}
