// The harness checks itself: a scenario that asserts something false must fail, and say why.
import { Then } from '@cucumber/cucumber';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetWorld } from '../support/cucumber/world';
import { REPO_ROOT } from '../support/images/image-recipes';

Then('running {string} fails with {string}', async function (this: FleetWorld, feature: string, expected: string) {
  const reports = mkdtempSync(join(tmpdir(), 'zkh-self-check-'));
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(join(REPO_ROOT, 'node_modules/.bin/cucumber-js'), ['--profile', 'selfcheck', feature], {
        cwd: REPO_ROOT, env: { ...process.env, ZKH_REPORTS_DIR: reports, ZKH_QUIET: '1' },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (c) => resolve({ code: c, output }));
    });
    this.attach(output, 'text/plain');
    if (code === 0) throw new Error(`Expected ${feature} to fail, but it passed:\n${output.slice(-2000)}`);
    if (!output.includes(expected)) throw new Error(`Expected ${feature} to fail with "${expected}", but its output was:\n${output.slice(-2000)}`);
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
});
