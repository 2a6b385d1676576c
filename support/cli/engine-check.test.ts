// The runner's verdict when no Docker engine answers: one sentence naming what is missing, the closing line,
// exit 1. A DOCKER_HOST nobody listens on stands in for a stopped engine (the runner honours DOCKER_HOST
// instead of falling back to another engine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../images/image-recipes';

test('no engine at DOCKER_HOST: one sentence, the closing line, exit 1', () => {
  const result = spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', join(REPO_ROOT, 'support/cli/test.ts'), '--engine-check-only'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/zkharness-no-engine.sock' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 1, `exit ${result.status}; stdout: ${result.stdout}; stderr: ${result.stderr}`);
  const errorLines = result.stderr.trim().split('\n');
  assert.equal(errorLines.length, 1, `expected one line, got: ${result.stderr}`);
  assert.match(errorLines[0]!, /^\[zkh\] No Docker engine answers at unix:\/\/\/nonexistent\/zkharness-no-engine\.sock \(.*ENOENT.*\): run `npm run setup` as root, or start Docker, then try again\.$/);
  assert.match(result.stdout, /^scenarios: 0 passed, 0 failed, 0 skipped$/m);
});
