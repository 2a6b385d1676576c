// No port of ours is published on an address the harness did not ask for: an engine's default binding is every
// interface, which would put ZooKeeper and the nodes on the machine's network. Checked after every scenario.
import { engine } from '../../containers/shared/engine';
import { LABEL_RUN } from './run-identity';

export interface ListedContainer {
  readonly Names: string[];
  readonly Ports: { IP?: string; PrivatePort: number; PublicPort?: number }[];
}

/** "zkh-…-zk-1: 2181 on 0.0.0.0:32768" for every published port not on `address`. */
export function exposedElsewhere(containers: readonly ListedContainer[], address: string): string[] {
  const out: string[] = [];
  for (const c of containers) {
    for (const p of c.Ports) {
      if (p.PublicPort === undefined || p.IP === address) continue;
      out.push(`${(c.Names[0] ?? '?').replace(/^\//, '')}: ${p.PrivatePort} on ${p.IP ?? '?'}:${p.PublicPort}`);
    }
  }
  return out;
}

export async function runPortsExposedElsewhere(runId: string, address: string): Promise<string[]> {
  const listed = await (await engine()).listContainers({ filters: JSON.stringify({ label: [`${LABEL_RUN}=${runId}`] }) });
  return exposedElsewhere(listed as unknown as ListedContainer[], address);
}
