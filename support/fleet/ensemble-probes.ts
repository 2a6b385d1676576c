// Write probes through the ensemble for `within` steps: each probe is a client operation recorded in the
// scenario's history (ok, or info: a write that failed through a lost connection may still land).
import { Observation } from '../../containers/shared/deadline';
import { StartedFleet } from './started-fleet';
import { describeModes, roleCounts } from '../../containers/zookeeper/four-letter-words';
import { tryWrite } from '../../containers/zookeeper-client/try-write';
import { ZooKeeperSession } from '../../containers/zookeeper-client/zookeeper-session';

/** One bounded write through `connectString`, recorded in the fleet's current history as `probe:<where>`. */
async function probeWrite(fleet: StartedFleet, where: string, connectString: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const complete = fleet.history?.invoke(`probe:${where}`, 'probe-write');
  const result = await tryWrite(connectString, timeoutMs);
  complete?.(result.ok ? 'ok' : 'info', { detail: result.detail });
  return result;
}

async function acceptsWrites(fleet: StartedFleet): Promise<Observation> {
  const modes = await fleet.ensemble.modes();
  if (roleCounts(modes).leaders !== 1) return { ok: false, seen: describeModes(modes) };
  const write = await probeWrite(fleet, 'ensemble', fleet.ensemble.getConnectString(), 1000);
  return { ok: write.ok, seen: `${describeModes(modes)}; ${write.detail}` };
}

/** "refuses writes": a write attempted through every running member fails (each try bounded to 1 s). */
async function refusesWrites(fleet: StartedFleet): Promise<Observation> {
  const running = await fleet.ensemble.runningMembers();
  const tries = await Promise.all(running.map(async (m) => ({ member: m.name, ...(await probeWrite(fleet, m.name, m.hostAddress(), 1000)) })));
  const accepted = tries.filter((t) => t.ok).map((t) => t.member);
  return { ok: accepted.length === 0, seen: accepted.length ? `writes still accepted via ${accepted.join(', ')}` : `all of ${running.map((m) => m.name).join(', ')} refused` };
}

const LATENCY_PATH = '/zkharness/latency-probe';

/**
 * How long writes take: `count` writes one after another on one session already connected (so connecting is not
 * counted), each bounded to 5 s and recorded as `probe:latency` operations. Answers each write's time in ms (a
 * write that failed or timed out counts with its full time).
 */
async function writeLatencies(fleet: StartedFleet, count: number): Promise<number[]> {
  const session = new ZooKeeperSession(fleet.ensemble.getConnectString(), { opTimeoutMs: 5000, sessionTimeoutMs: 8000 });
  try {
    await session.ensurePath(LATENCY_PATH);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const complete = fleet.history?.invoke('probe:latency', 'probe-write');
      const start = performance.now();
      try {
        await session.setData(LATENCY_PATH, Buffer.from(String(i)));
        complete?.('ok', { latencyMs: Math.round(performance.now() - start) });
      } catch (e) {
        complete?.('info', { latencyMs: Math.round(performance.now() - start), detail: (e as Error).message });
      }
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    session.close();
  }
}

export const ensembleProbes = { acceptsWrites, refusesWrites, writeLatencies };
