// Removes zkharness containers and networks whose runner is gone (killed, crashed) — or, with `all`, every one.
import type Dockerode from 'dockerode';
import { engine } from '../../containers/shared/engine';
import { LABEL, LABEL_RUN, ownerAlive } from './run-identity';

export interface SweepResult {
  readonly containers: number;
  readonly networks: number;
  readonly runs: string[];
}

/** On this process's engine, or on `on` (another engine of a sharded run). */
export async function sweep(options: { all?: boolean; runId?: string } = {}, on?: Dockerode): Promise<SweepResult> {
  const docker = on ?? await engine();
  const filters = JSON.stringify({ label: [options.runId ? `${LABEL_RUN}=${options.runId}` : LABEL] });
  const doomed = (labels: Record<string, string> | undefined) =>
    options.all || options.runId !== undefined || !ownerAlive(labels ?? {});
  const runs = new Set<string>();
  let containers = 0;
  for (const c of await docker.listContainers({ all: true, filters })) {
    if (!doomed(c.Labels)) continue;
    runs.add(c.Labels[LABEL_RUN] ?? '?');
    await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined);
    containers++;
  }
  let networks = 0;
  for (const n of await docker.listNetworks({ filters })) {
    if (!doomed(n.Labels)) continue;
    runs.add(n.Labels?.[LABEL_RUN] ?? '?');
    await docker.getNetwork(n.Id).remove().catch(() => undefined);
    networks++;
  }
  return { containers, networks, runs: [...runs] };
}

/** zkharness containers that no live run owns: after a run's own teardown and sweep there must be none. */
export async function leftovers(on?: Dockerode): Promise<string[]> {
  const docker = on ?? await engine();
  const all = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [LABEL] }) });
  return all.filter((c) => !c.Labels[LABEL_RUN] || !ownerAlive(c.Labels)).map((c) => `${c.Names[0]?.replace(/^\//, '')} (${c.State})`);
}
