// run.json: what a run's numbers depend on — commit, images, versions, timing profile, seeds.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../images/image-recipes';
import { imageReference, imageId } from '../images/image-catalog';
import { ImageName } from '../images/image-recipes';

const version = (pkg: string) => {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

export function runMetadata(workers: unknown[], startedAt: Date, finishedAt: Date): Record<string, unknown> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch { /* not a checkout */ }
  const images = Object.fromEntries((['zookeeper', 'web-node', 'gateway', 'nemesis'] as ImageName[]).map((name) => {
    const reference = imageReference(name);
    return [name, { reference, id: imageId(reference) }];
  }));
  return {
    commit,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    images,
    versions: {
      node: process.version,
      testcontainers: version('testcontainers'),
      '@cucumber/cucumber': version('@cucumber/cucumber'),
      undici: version('undici'),
      'node-zookeeper-client': version('node-zookeeper-client'),
    },
    engines: [...new Set(workers.map((w) => (w as { engine?: string }).engine).filter(Boolean))],
    workers,
    precision: 'conditions are polled every 50 ms (each probe bounded); windowMs = firstTrueMs - lastFalseMs',
  };
}

/** The timing profile(s) the run's workers used, from run.json's workers: "fast", or "fast, nightly" if they differ. */
export function runProfile(meta: Record<string, unknown>): string {
  const workers = (meta.workers as { timing?: { name?: string } }[] | undefined) ?? [];
  return [...new Set(workers.map((w) => w.timing?.name).filter(Boolean))].join(', ') || 'unknown';
}
