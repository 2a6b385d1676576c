// Whether an ensemble accepts writes right now, through the connect string given: the harness's probe of a
// working quorum (reads alone would be answered by a member cut off from it).
import { ZooKeeperSession } from './zookeeper-session';

const PROBE_PATH = '/zkharness/probe';

/** One write through a fresh session on `connectString`, bounded; a refusal or silence counts as failure. */
export async function tryWrite(connectString: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const session = new ZooKeeperSession(connectString, { opTimeoutMs: timeoutMs, sessionTimeoutMs: 4000 });
  try {
    await session.ensurePath('/zkharness');
    const payload = Buffer.from(String(Date.now()));
    const stat = await session.exists(PROBE_PATH);
    if (stat) await session.setData(PROBE_PATH, payload);
    else await session.create(PROBE_PATH, payload).catch(() => session.setData(PROBE_PATH, payload));
    return { ok: true, detail: `write accepted via ${connectString}` };
  } catch (e) {
    return { ok: false, detail: `write via ${connectString} failed: ${(e as Error).message}` };
  } finally {
    session.close();
  }
}
