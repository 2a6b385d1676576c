// The in-process peer a Java team would use instead of containers: Curator's TestingCluster, run in a
// container of ours (containers/curator-bench), measured on the same ensemble-ready and leader-loss figures.
import { execFileSync } from 'node:child_process';
import { runIdentity } from '../docker/run-identity';
import { TimingProfile } from '../../containers/shared/timing-profile';
import { progress } from '../progress';

export type CuratorFigures = Record<'ensembleReady' | 'zkLeaderLossToWrites', number[]> & { versions: Record<string, string> };

export function benchCuratorTestingCluster(image: string, runs: number, timing: TimingProfile): CuratorFigures {
  progress(`bench (Curator TestingCluster) ${runs} runs in one JVM`);
  const labels = Object.entries(runIdentity().labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  const out = execFileSync('docker', ['run', '--rm', ...labels, '-e', `RUNS=${runs}`, '-e', `TICK_TIME_MS=${timing.tickTimeMs}`,
    '-e', `INIT_LIMIT=${timing.initLimit}`, '-e', `SYNC_LIMIT=${timing.syncLimit}`, image], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 }).toString();
  const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (!line) throw new Error(`the Curator bench printed no JSON: ${out.slice(-500)}`);
  const parsed = JSON.parse(line) as { ensembleReadyMs: number[]; leaderLossToWritesMs: number[]; curator?: string; zookeeper?: string };
  return { ensembleReady: parsed.ensembleReadyMs, zkLeaderLossToWrites: parsed.leaderLossToWritesMs, versions: { curator: parsed.curator ?? '?', zookeeper: parsed.zookeeper ?? '?' } };
}
