// Builds the images a run needs, each skipped when its recipe hash tag exists; removes superseded tags.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageBuildError } from '../../containers/shared/errors';
import { ImageName, REPO_ROOT, recipe } from './image-recipes';
import { LOCAL_REPOSITORY, imageId, localTag } from './image-catalog';
import { settings } from '../settings';
import { DEFAULT_DOCKER_HOST } from '../../containers/shared/engine-endpoint';

export interface BuildOutcome {
  readonly name: ImageName;
  readonly reference: string;
  readonly action: 'override' | 'unchanged' | 'copied' | 'built';
  readonly ms: number;
  readonly removedTags: string[];
}

export function ensureImage(name: ImageName, env: Readonly<Record<string, string | undefined>> = settings().imageOverrides): BuildOutcome {
  const started = Date.now();
  const r = recipe(name);
  const override = env[r.overrideEnv];
  if (override) return { name, reference: override, action: 'override', ms: 0, removedTags: [] };
  const tag = localTag(name, env);
  if (imageId(tag)) return { name, reference: tag, action: 'unchanged', ms: Date.now() - started, removedTags: [] };
  const copied = copyFromLocalEngine(tag);
  if (!copied && name === 'base') buildBase(tag);
  else if (!copied) buildFromDockerfile(name, tag, env);
  if (name === 'base') execFileSync('docker', ['tag', tag, `${LOCAL_REPOSITORY}/base:current`]);
  return { name, reference: tag, action: copied ? 'copied' : 'built', ms: Date.now() - started, removedTags: removeSuperseded(name, tag) };
}

/**
 * For another engine (DOCKER_HOST names one): the same image from this machine's engine, if it has it, is
 * streamed over (`docker save | docker load`) instead of built again. Same bytes, same id, so every recipe
 * hash (which includes the base's id) comes out the same on both engines.
 */
function copyFromLocalEngine(tag: string): boolean {
  const target = process.env.DOCKER_HOST;
  if (!target || target === DEFAULT_DOCKER_HOST) return false;
  const local = { ...process.env, DOCKER_HOST: DEFAULT_DOCKER_HOST, DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '' };
  if (spawnSync('docker', ['image', 'inspect', tag], { env: local, stdio: 'ignore', timeout: 10_000 }).status !== 0) return false;
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', 'DOCKER_HOST="$1" DOCKER_TLS_VERIFY= DOCKER_CERT_PATH= docker save "$2" | docker load -q', 'copy', DEFAULT_DOCKER_HOST, tag], { encoding: 'utf8' });
  if (result.status !== 0) throw new ImageBuildError(tag, `copying it from ${DEFAULT_DOCKER_HOST} to ${target} (docker save | docker load)`, (result.stderr || result.stdout).trim());
  return true;
}

function buildBase(tag: string): void {
  const result = spawnSync('bash', [join(REPO_ROOT, 'containers/base/build-base.sh'), tag], { encoding: 'utf8' });
  if (result.status !== 0) throw new ImageBuildError(tag, 'debootstrap + docker import', (result.stderr || result.stdout).trim());
}

function buildFromDockerfile(name: ImageName, tag: string, env: Readonly<Record<string, string | undefined>>): void {
  const context = mkdtempSync(join(tmpdir(), `zkh-${name}-`));
  try {
    try {
      recipe(name).stage!(context);
    } catch (e) {
      throw new ImageBuildError(tag, 'staging the build context', String((e as { stderr?: Buffer }).stderr ?? (e as Error).message).trim());
    }
    dockerBuild(tag, context, env.ZKH_BASE_IMAGE || localTag('base', env), name);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** `docker build` of a staged context; a failure names the image and the step it failed at. */
export function dockerBuild(tag: string, context: string, baseImage: string, name: string): void {
  // The legacy builder prints "Step N/M : ..." lines on every engine, which lets a failure name its step.
  // --force-rm: a failed step's container would otherwise be left behind.
  const result = spawnSync('docker', ['build', '--force-rm', '--build-arg', `BASE_IMAGE=${baseImage}`, '--label', 'zkharness=true',
    '--label', `zkharness.image=${name}`, '-t', tag, context], { encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '0' }, maxBuffer: 64 * 1024 * 1024 });
  const log = `${result.stdout}\n${result.stderr}`;
  writeFileSync(join(tmpdir(), `zkh-build-${name}.log`), log);
  if (result.status !== 0) {
    const steps = log.match(/^Step \d+\/\d+ : .*$/gm) ?? [];
    throw new ImageBuildError(tag, steps.at(-1) ?? 'docker build', log.trim().split('\n').slice(-15).join('\n'));
  }
}

/** Each image is ~1 GB and disks here have run short: drop our older tags of the same image. */
function removeSuperseded(name: ImageName, keep: string): string[] {
  const tags = execFileSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${LOCAL_REPOSITORY}/${name}`]).toString().split('\n').filter(Boolean);
  const removed: string[] = [];
  for (const tag of tags) {
    if (tag === keep || tag.endsWith(':current')) continue;
    if (spawnSync('docker', ['rmi', tag], { stdio: 'ignore' }).status === 0) removed.push(tag);
  }
  return removed;
}
