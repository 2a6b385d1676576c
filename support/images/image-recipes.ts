// What each image is made of. An image is tagged by a hash of its recipe's inputs (and of the image it
// builds on), so an unchanged recipe is never rebuilt and a changed one always is.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export const REPO_ROOT = join(__dirname, '..', '..');

export type ImageName = 'base' | 'zookeeper' | 'web-node' | 'gateway' | 'nemesis' | 'curator-bench';

export interface ImageRecipe {
  readonly name: ImageName;
  /** Environment variable that names a ready image instead (e.g. one pulled from a registry). */
  readonly overrideEnv: string;
  /** Files and folders (relative to the repo) whose content defines the image. */
  readonly inputs: readonly string[];
  /** Fill `dir` with the docker build context (Dockerfile at its top). Absent for the base image. */
  readonly stage?: (dir: string) => void;
}

const copyContext = (from: string) => (dir: string) => cpSync(join(REPO_ROOT, from), dir, { recursive: true });

/** The gateway's runtime node_modules: its two dependencies and their closure. */
export const GATEWAY_RUNTIME_MODULES = ['node-zookeeper-client', 'async', 'underscore', 'undici'];

export const RECIPES: readonly ImageRecipe[] = [
  { name: 'base', overrideEnv: 'ZKH_BASE_IMAGE', inputs: ['containers/base/build-base.sh'] },
  { name: 'zookeeper', overrideEnv: 'ZKH_ZOOKEEPER_IMAGE', inputs: ['containers/zookeeper/image'], stage: copyContext('containers/zookeeper/image') },
  { name: 'web-node', overrideEnv: 'ZKH_NODE_IMAGE', inputs: ['containers/web-node/image'], stage: copyContext('containers/web-node/image') },
  // Only `npm run bench` needs it; it builds it on first use.
  { name: 'curator-bench', overrideEnv: 'ZKH_CURATOR_BENCH_IMAGE', inputs: ['containers/curator-bench/image'], stage: copyContext('containers/curator-bench/image') },
  { name: 'nemesis', overrideEnv: 'ZKH_NEMESIS_IMAGE', inputs: ['containers/nemesis/image'], stage: copyContext('containers/nemesis/image') },
  {
    name: 'gateway',
    overrideEnv: 'ZKH_GATEWAY_IMAGE',
    inputs: ['containers/gateway/image', 'containers/gateway/service', 'containers/zookeeper-client', 'package-lock.json'],
    stage: (dir) => {
      copyContext('containers/gateway/image')(dir);
      execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['-p', 'containers/gateway/service/tsconfig.json', '--outDir', join(dir, 'dist')], { cwd: REPO_ROOT, stdio: 'pipe' });
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      for (const m of GATEWAY_RUNTIME_MODULES) cpSync(join(REPO_ROOT, 'node_modules', m), join(dir, 'node_modules', m), { recursive: true });
    },
  },
];

export function recipe(name: ImageName): ImageRecipe {
  const found = RECIPES.find((r) => r.name === name);
  if (!found) throw new Error(`no image recipe named ${name}`);
  return found;
}
