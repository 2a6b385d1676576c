// Progress lines while a run goes on (fleet being built, fault active, condition awaited), on stderr so
// cucumber's own formatter output on stdout stays intact.
import { settings } from './settings';

const started = Date.now();

export function progress(message: string): void {
  if (settings().quiet) return;
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  const worker = process.env.CUCUMBER_WORKER_ID ? ` w${process.env.CUCUMBER_WORKER_ID}` : '';
  process.stderr.write(`[zkh${worker} ${t}s] ${message}\n`);
}
