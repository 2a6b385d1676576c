// Whether an ensemble accepts writes right now, through the connect string given: the harness's probe of a
// working quorum (reads alone would be answered by a member cut off from it).
import { ZooKeeperSession } from './zookeeper-session';
import { isNoNode } from './zookeeper-errors';

const PROBE_PATH = '/zkharness/probe';

/** One write through a fresh session on `connectString`, bounded; a refusal or silence counts as failure. */
export async function tryWrite(connectString: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  const session = new ZooKeeperSession(connectString, { opTimeoutMs: timeoutMs, sessionTimeoutMs: 4000 });
  try {
    return await writeProbe(session, connectString);
  } finally {
    session.close();
  }
}

/**
 * One write through a session already open (the fleet's operator session: no connection handshake, so a steady
 * fleet's reset is verified in one round trip or two); a refusal or silence counts as failure.
 */
export async function writeProbe(session: ZooKeeperSession, via: string): Promise<{ ok: boolean; detail: string }> {
  try {
    const payload = Buffer.from(String(Date.now()));
    const written = await session.setData(PROBE_PATH, payload).then(() => true, (e: unknown) => {
      if (!isNoNode(e)) throw e;
      return false;
    });
    if (!written) {
      await session.ensurePath('/zkharness');
      await session.create(PROBE_PATH, payload).catch(() => session.setData(PROBE_PATH, payload));
    }
    return { ok: true, detail: `write accepted via ${via}` };
  } catch (e) {
    return { ok: false, detail: `write via ${via} failed: ${(e as Error).message}` };
  }
}
