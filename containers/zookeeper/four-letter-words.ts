// ZooKeeper's four-letter words over a plain socket: how the harness asks a member whether it serves and
// what role it has, without a session (so it works while a quorum is absent).
import { connect } from 'node:net';

export function fourLetterWord(host: string, port: number, word: 'srvr' | 'ruok' | 'mntr' | 'stat' | 'conf', timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`${word} to ${host}:${port} timed out after ${timeoutMs} ms`)));
    socket.on('connect', () => socket.end(word));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export type MemberMode = 'leader' | 'follower' | 'standalone' | 'observer' | 'not serving' | 'unreachable';

/** `srvr` answers "This ZooKeeper instance is not currently serving requests" while there is no quorum. */
export function parseMode(srvr: string): MemberMode {
  const mode = /^Mode: (\w+)/m.exec(srvr)?.[1];
  if (mode === 'leader' || mode === 'follower' || mode === 'standalone' || mode === 'observer') return mode;
  return 'not serving';
}

export async function memberMode(host: string, port: number, timeoutMs = 1000): Promise<MemberMode> {
  try {
    return parseMode(await fourLetterWord(host, port, 'srvr', timeoutMs));
  } catch {
    return 'unreachable';
  }
}

/** A member that leads: `leader` in an ensemble, `standalone` when it is alone. The one definition of leading. */
export function isLeading(mode: string): boolean {
  return mode === 'leader' || mode === 'standalone';
}

/** How many members lead and how many follow. */
export function roleCounts(modes: Readonly<Record<string, string>>): { leaders: number; followers: number } {
  const values = Object.values(modes);
  return { leaders: values.filter(isLeading).length, followers: values.filter((m) => m === 'follower').length };
}

/** "zk-1 follower, zk-2 leader, zk-3 unreachable", for messages. */
export function describeModes(modes: Readonly<Record<string, string>>): string {
  return Object.entries(modes).map(([name, mode]) => `${name} ${mode}`).join(', ') || 'no member observed';
}
