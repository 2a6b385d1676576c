// Resolves which image each part of the fleet runs: a user's override, or our local build tagged by recipe hash.
import { execFileSync } from 'node:child_process';
import { ImageName, recipe } from './image-recipes';
import { recipeHash } from './recipe-hash';
import { ZkharnessError } from '../../containers/shared/errors';
import { settings } from '../settings';

/** Image overrides by variable name (ZKH_NODE_IMAGE …), as support/settings.ts read them. */
type Overrides = Readonly<Record<string, string | undefined>>;

export const LOCAL_REPOSITORY = 'zkharness';

export function imageId(ref: string): string | null {
  try {
    return execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

/** The tag our build gives an image; the base's id is part of every other image's hash. */
export function localTag(name: ImageName, env: Overrides = settings().imageOverrides): string {
  const r = recipe(name);
  const parent = name === 'base' ? '' : imageReference('base', env);
  const parentId = parent ? imageId(parent) ?? parent : '';
  return `${LOCAL_REPOSITORY}/${name}:${recipeHash(r.inputs, parentId)}`;
}

export function imageReference(name: ImageName, env: Overrides = settings().imageOverrides): string {
  return env[recipe(name).overrideEnv] || localTag(name, env);
}

export interface ResolvedImage {
  readonly name: ImageName;
  readonly reference: string;
  readonly id: string;
  readonly overridden: boolean;
}

/** For the test run: every image must exist already (setup builds them; we never pull). */
export function requireImage(name: ImageName, env: Overrides = settings().imageOverrides): ResolvedImage {
  const r = recipe(name);
  const reference = imageReference(name, env);
  const id = imageId(reference);
  if (!id) {
    throw new ZkharnessError(env[r.overrideEnv]
      ? `${r.overrideEnv}=${reference} is not present in the local Docker engine: pull or build it first (zkharness never pulls).`
      : `Image ${reference} (${name}) is not built for the current recipe: run \`npm run setup\`.`);
  }
  return { name, reference, id, overridden: Boolean(env[r.overrideEnv]) };
}
