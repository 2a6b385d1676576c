// How much memory a fleet holds: the resident set (RSS) of every process in each fleet container, read from the
// host's /proc (this engine's kernel reports no cgroup memory, so `docker stats` says 0 here). Local engines
// only: a remote engine's processes are on its host.
import { readdirSync, readFileSync } from 'node:fs';
import { engine } from '../../containers/shared/engine';

/** Every pid under `root` (itself included), given each process's parent. */
export function descendants(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      table.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone meanwhile */ }
  }
  return table;
}

function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS in bytes of each container (by id → name), summed over its processes. */
export async function containerRss(containers: readonly { id: string; name: string }[]): Promise<Record<string, number>> {
  const docker = await engine();
  const table = processTable();
  const out: Record<string, number> = {};
  for (const c of containers) {
    const pid = (await docker.getContainer(c.id).inspect()).State.Pid;
    out[c.name] = pid ? descendants(pid, table).reduce((sum, p) => sum + rssBytes(p), 0) : 0;
  }
  return out;
}
