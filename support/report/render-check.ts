// Checks reports/index.html as a person would see it: headless Chromium (Debian's package) loads the page, and
// the DOM it builds must hold one picture per scenario with its lanes, labelled faults and latency plot. Then a
// screenshot (PNG) of the first failed scenario, or of the first scenario, is kept beside the report for CI
// artifacts. Without Chromium the check says it was skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioTimeline } from './scenario-timeline';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Flags keep Chromium off the network entirely: it only loads the local file.
const QUIET = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--hide-scrollbars',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What the rendered page must hold, counted from the timelines it was drawn from. */
export interface PictureCounts { pictures: number; lanes: number; faultLabels: number; latencyPlots: number }

export function pictureCounts(timelines: readonly ScenarioTimeline[]): PictureCounts {
  return {
    pictures: timelines.length,
    lanes: timelines.reduce((a, t) => a + (t.lanes?.length ?? 0), 0),
    faultLabels: timelines.reduce((a, t) => a + t.faults.length, 0),
    latencyPlots: timelines.filter((t) => t.requests.length > 0).length,
  };
}

/** Counts the same marks in the DOM Chromium built. */
export function countRendered(dom: string): PictureCounts {
  const n = (re: RegExp) => (dom.match(re) ?? []).length;
  return { pictures: n(/<svg [^>]*class="scenario-picture"/g), lanes: n(/<g class="lane"/g), faultLabels: n(/class="fault-label"/g), latencyPlots: n(/<g class="latency"/g) };
}

function chromium(args: string[]): { status: number | null; stdout: string } {
  const profile = mkdtempSync(join(tmpdir(), 'zkh-chromium-'));
  try {
    return spawnSync(CHROMIUM!, [...QUIET, `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function checkRendering(indexHtml: string, expected: PictureCounts): string {
  if (!CHROMIUM) return 'skipped: no chromium on this machine (apt-get install chromium)';
  const result = chromium(['--dump-dom', `file://${indexHtml}`]);
  const seen = countRendered(result.stdout);
  const wrong = (Object.keys(expected) as (keyof PictureCounts)[]).filter((k) => seen[k] !== expected[k]);
  if (result.status !== 0 || wrong.length) {
    return `FAILED: Chromium rendered ${wrong.map((k) => `${seen[k]} ${k}, expected ${expected[k]}`).join('; ') || 'the page'} (exit ${result.status})`;
  }
  return `ok: Chromium rendered ${seen.pictures} scenario pictures with ${seen.lanes} lanes, ${seen.faultLabels} labelled faults and ${seen.latencyPlots} latency plots`;
}

/** A PNG of `html` (one scenario's page) as Chromium draws it: reports/screenshot.png, or undefined if none was made. */
export function screenshot(reportsDir: string, html: string): string | undefined {
  if (!CHROMIUM) return undefined;
  const page = join(reportsDir, 'screenshot.html');
  const png = join(reportsDir, 'screenshot.png');
  writeFileSync(page, html);
  const result = chromium([`--screenshot=${png}`, '--window-size=1060,900', `file://${page}`]);
  return result.status === 0 && existsSync(png) && statSync(png).size > 0 ? png : undefined;
}
