// Observations of the ensemble for `within` steps: each returns ok plus what was seen.
import { Observation } from '../timing/eventually';
import { StartedFleet } from '../fleet/started-fleet';
import { describeModes } from '../../containers/zookeeper/zookeeper-ensemble';
import { tryWrite } from '../clients/zookeeper-session';

function roleCounts(modes: Record<string, string>) {
  const values = Object.values(modes);
  return {
    leaders: values.filter((m) => m === 'leader' || m === 'standalone').length,
    followers: values.filter((m) => m === 'follower').length,
  };
}

async function leaderAndFollowers(fleet: StartedFleet, followers: number): Promise<Observation> {
  const modes = await fleet.ensemble.modes();
  const counts = roleCounts(modes);
  return { ok: counts.leaders === 1 && counts.followers === followers, seen: describeModes(modes) };
}

async function newLeader(fleet: StartedFleet, previous: string | null): Promise<Observation> {
  const modes = await fleet.ensemble.modes();
  const leaders = Object.entries(modes).filter(([, m]) => m === 'leader').map(([n]) => n);
  return { ok: leaders.length === 1 && leaders[0] !== previous, seen: describeModes(modes) };
}

async function acceptsWrites(fleet: StartedFleet): Promise<Observation> {
  const modes = await fleet.ensemble.modes();
  if (roleCounts(modes).leaders !== 1) return { ok: false, seen: describeModes(modes) };
  const write = await tryWrite(fleet.ensemble.getConnectString(), 1000);
  return { ok: write.ok, seen: `${describeModes(modes)}; ${write.detail}` };
}

/** "refuses writes": a write attempted through every running member fails (each try bounded to 1 s). */
async function refusesWrites(fleet: StartedFleet): Promise<Observation> {
  const running = await fleet.ensemble.runningMembers();
  const tries = await Promise.all(running.map(async (m) => ({ member: m.name, ...(await tryWrite(m.hostAddress(), 1000)) })));
  const accepted = tries.filter((t) => t.ok).map((t) => t.member);
  return { ok: accepted.length === 0, seen: accepted.length ? `writes still accepted via ${accepted.join(', ')}` : `all of ${running.map((m) => m.name).join(', ')} refused` };
}

export const ensembleChecks = { roleCounts, leaderAndFollowers, newLeader, acceptsWrites, refusesWrites };
