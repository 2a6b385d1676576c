// The harness checks itself: a scenario that asserts something false must fail, and say why.
import { Then } from '@cucumber/cucumber';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, AddressInfo } from 'node:net';
import { dockerBuild } from '../support/images/image-builder';
import { requireImage } from '../support/images/image-catalog';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetWorld } from '../support/cucumber/world';
import { REPO_ROOT } from '../support/images/image-recipes';
import { useWorkerEngine } from '../support/docker/engines';

/** The fixtures' expected messages quote deadlines as written: run them with the fast profile, unscaled. */
const FIXED_TIMING = { ZKH_TIMING_PROFILE: 'fast', ZKH_TIMING_MULTIPLIER: '1' };

/** Runs a fixture feature in a nested cucumber-js whose reports go to a temporary folder (removed after). */
async function runFixture(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const reports = mkdtempSync(join(tmpdir(), 'zkh-self-check-'));
  try {
    return await new Promise((resolve) => {
      const child = spawn(join(REPO_ROOT, 'node_modules/.bin/cucumber-js'), ['--profile', 'selfcheck', ...args], {
        cwd: REPO_ROOT, env: { ...process.env, ...FIXED_TIMING, ...env, ZKH_REPORTS_DIR: reports, ZKH_QUIET: '1' },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', (code) => resolve({ code, output }));
    });
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

Then('running {string} fails with {string}', async function (this: FleetWorld, feature: string, expected: string) {
  const { code, output } = await runFixture([feature]);
  this.attach(output, 'text/plain');
  if (code === 0) throw new Error(`Expected ${feature} to fail, but it passed:\n${output.slice(-2000)}`);
  if (!output.includes(expected)) throw new Error(`Expected ${feature} to fail with "${expected}", but its output was:\n${output.slice(-2000)}`);
});

Then('building an image whose recipe fails names the image and the failing step', async function (this: FleetWorld) {
  const context = mkdtempSync(join(tmpdir(), 'zkh-broken-recipe-'));
  try {
    writeFileSync(join(context, 'Dockerfile'), 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo preparing\nRUN echo "no such package" >&2 && exit 3\n');
    let message = '';
    try {
      dockerBuild('zkharness/self-check-broken:latest', context, requireImage('zookeeper').reference, 'self-check-broken');
    } catch (e) {
      message = (e as Error).message;
    }
    if (!message) throw new Error('Expected the broken recipe to fail to build, but it built.');
    for (const expected of ['zkharness/self-check-broken:latest', 'RUN echo "no such package" >&2 && exit 3']) {
      if (!message.includes(expected)) throw new Error(`Expected the build failure to name "${expected}", but it said:\n${message}`);
    }
    this.attach(message, 'text/plain');
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
});

Then('a gateway asked for a taken ZKH_GATEWAY_PORT fails with a sentence naming the port', async function (this: FleetWorld) {
  if (!useWorkerEngine().local) {
    // The port is taken on this machine; a remote engine publishes on its own host, where nothing holds it.
    this.attach(`skipped: a taken local port means nothing to the remote engine at ${useWorkerEngine().dockerHost}`, 'text/plain');
    return 'skipped';
  }
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const child = await runFixture(['support/self-check/gateway-port.feature'], { ZKH_GATEWAY_PORT: String(port) });
    this.attach(child.output, 'text/plain');
    const expected = `ZKH_GATEWAY_PORT=${port} is already taken on 127.0.0.1`;
    if (child.code === 0 || !child.output.includes(expected)) throw new Error(`Expected the run to fail with "${expected}", but it ${child.code === 0 ? 'passed' : 'said'}:\n${child.output.slice(-1500)}`);
  } finally {
    blocker.close();
  }
});

Then('every phrasing in {string} is defined exactly once', async function (this: FleetWorld, feature: string) {
  const { code, output } = await runFixture(['--dry-run', feature]);
  if (code !== 0 || /undefined|ambiguous/i.test(output)) throw new Error(`A dry run of ${feature} found undefined or ambiguous steps:\n${output.slice(-2500)}`);
});
