// A stable hash of a recipe's inputs: relative paths and contents, in sorted order; tests excluded.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './image-recipes';

function files(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  return readdirSync(path).sort().flatMap((entry) => (/\.test\.ts$/.test(entry) ? [] : files(join(path, entry))));
}

export function recipeHash(inputs: readonly string[], parentImageId = ''): string {
  const hash = createHash('sha256').update(`parent:${parentImageId}\n`);
  for (const input of inputs) {
    for (const file of files(join(REPO_ROOT, input))) {
      hash.update(`${relative(REPO_ROOT, file)}\n`).update(readFileSync(file)).update('\n');
    }
  }
  return hash.digest('hex').slice(0, 12);
}
