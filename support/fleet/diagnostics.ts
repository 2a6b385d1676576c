// What a failed scenario leaves behind: every container's log, the /fleet tree with data, the faults that
// were active, each node's /status and the gateway's, the harness's watches — attached to cucumber's report and written under reports/failures/<scenario>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { containerLogs, engine } from '../../containers/shared/engine';
import { LABEL_RUN, runIdentity } from '../docker/run-identity';
import { StartedFleet } from './started-fleet';
import { componentsOf } from './components/fleet-components';

export interface Diagnostics { readonly files: Record<string, string> }

export async function collectDiagnostics(fleet: StartedFleet | undefined, faults: readonly object[], extra: Record<string, () => Promise<string>> = {}): Promise<Diagnostics> {
  const files: Record<string, string> = {};
  files['faults.json'] = JSON.stringify(faults, null, 2);
  const docker = await engine();
  const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`${LABEL_RUN}=${runIdentity().runId}`] }) });
  await Promise.all(containers.map(async (c) => {
    const name = c.Labels['zkharness.member'] ?? c.Labels['zkharness.node'] ?? c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);
    files[`logs/${name}.log`] = `# ${c.Names[0]} ${c.State} ${c.Status}\n${await containerLogs(c.Id, 3000).catch((e: Error) => `logs unavailable: ${e.message}`)}`;
  }));
  // Each component says what it adds (the /fleet tree, modes, each node's /status, watches, the gateway's table).
  for (const component of fleet ? componentsOf(fleet.spec) : []) {
    Object.assign(files, await component.diagnostics(fleet!).catch((e: Error) => ({ [`${component.kind}.txt`]: `unavailable: ${e.message}` })));
  }
  for (const [file, read] of Object.entries(extra)) files[file] = await read().catch((e: Error) => `unavailable: ${e.message}`);
  return { files };
}

export function writeDiagnostics(reportsDir: string, scenario: string, d: Diagnostics): string {
  const dir = join(reportsDir, 'failures', scenario.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80));
  for (const [file, content] of Object.entries(d.files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}
