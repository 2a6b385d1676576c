// Unit test files (*.test.ts) of the harness and of the gateway service.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../images/image-recipes';

export function unitTestFiles(roots = ['support', 'containers', 'steps']): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'image') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.test.ts')) found.push(relative(REPO_ROOT, path));
    }
  };
  for (const root of roots) walk(join(REPO_ROOT, root));
  return found.sort();
}
