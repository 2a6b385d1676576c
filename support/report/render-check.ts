// Checks that reports/index.html renders: headless Chromium (Debian's package) loads it and the DOM it builds
// holds one timeline per scenario. Without Chromium the check says it was skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export function checkRendering(indexHtml: string, expectedTimelines: number): string {
  if (!CHROMIUM) return 'skipped: no chromium on this machine (apt-get install chromium)';
  const profile = mkdtempSync(join(tmpdir(), 'zkh-chromium-'));
  try {
    // Flags keep Chromium off the network entirely: it only loads the local file.
    const result = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
      '--dump-dom', `file://${indexHtml}`], { encoding: 'utf8', timeout: 60_000 });
    const svgs = (result.stdout.match(/<svg /g) ?? []).length;
    if (result.status !== 0 || svgs !== expectedTimelines) {
      return `FAILED: Chromium rendered ${svgs} timelines, expected ${expectedTimelines} (exit ${result.status})`;
    }
    return `ok: Chromium rendered ${svgs} timelines`;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
