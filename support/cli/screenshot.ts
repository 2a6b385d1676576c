// `npm run screenshot -- ["part of a scenario name"] [out.png]`: a PNG of one scenario's picture from the latest
// run's reports, as headless Chromium draws it (README's picture is made this way).
import { join } from 'node:path';
import { screenshotScenario } from '../report/run-reports';
import { settings } from '../settings';

const [match, out] = process.argv.slice(2);
try {
  const target = out ?? join(settings().reportsDir, 'screenshot.png');
  const scenario = screenshotScenario(settings().reportsDir, match, target);
  console.log(`[zkh] ${target}: "${scenario}"`);
} catch (e) {
  console.error(`[zkh] ${(e as Error).message}`);
  process.exit(1);
}
