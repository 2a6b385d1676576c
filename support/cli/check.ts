// `npm run check -- <history.ndjson>`: judges a saved history again with every default invariant, offline.
// Exits 0 whenever the history could be read and judged, whatever the verdicts (this is a reader, not a gate);
// non-zero with one sentence when the file can't be read or a line is not an event.
import { readFileSync } from 'node:fs';
import { HistoryEvent, HistoryHeader } from '../history/events';
import { CheckerVerdict, verdictWord } from '../checks/checker';
import { checkHistory } from '../checks/default-checkers';
import { ZkharnessError } from '../../containers/shared/errors';

export const EVIDENCE_LINES = 5;

export class HistoryFileError extends ZkharnessError {}

/** Parses NDJSON, one HistoryEvent per line (the first normally the header); blank lines are skipped. */
export function parseHistory(text: string, source = 'the history'): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (e) {
      throw new HistoryFileError(`Line ${i + 1} of ${source} is not JSON (${(e as Error).message}): is this a history saved as NDJSON?`);
    }
    const o = event as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || typeof o['kind'] !== 'string' || typeof o['t'] !== 'number') {
      throw new HistoryFileError(`Line ${i + 1} of ${source} is JSON but not a history event (it needs a "kind" and a numeric "t").`);
    }
    events.push(o as unknown as HistoryEvent);
  });
  return events;
}

/** One line per invariant (id, verdict, summary), then up to EVIDENCE_LINES evidence lines each. */
export function formatVerdicts(verdicts: readonly CheckerVerdict[]): string[] {
  const width = Math.max(...verdicts.map((v) => v.invariant.length)) + 2;
  const lines: string[] = [];
  for (const v of verdicts) {
    lines.push(`${v.invariant.padEnd(width)}${verdictWord(v.valid).padEnd(9)}${v.summary}`);
    for (const e of v.evidence.slice(0, EVIDENCE_LINES)) {
      const span = e.untilMs !== undefined ? `${Math.round(e.atMs)}–${Math.round(e.untilMs)} ms` : `${Math.round(e.atMs)} ms`;
      lines.push(`${' '.repeat(width)}  at ${span} [${e.participants.join(', ')}] ${e.detail}`);
    }
    if (v.evidence.length > EVIDENCE_LINES) lines.push(`${' '.repeat(width)}  … and ${v.evidence.length - EVIDENCE_LINES} more`);
  }
  return lines;
}

function main(): void {
  const path = process.argv[2];
  if (!path) throw new HistoryFileError('Name a saved history: npm run check -- <history.ndjson>.');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new HistoryFileError(`Cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give the path of a saved history.`);
  }
  const events = parseHistory(text, path);
  const header = events.find((e): e is HistoryHeader => e.kind === 'header');
  if (header) console.log(`${header.feature ? `${header.feature}: ` : ''}${header.scenario || '(unnamed scenario)'}${header.startedAt ? ` (started ${header.startedAt})` : ''}`);
  console.log(`${events.length} events over ${Math.round(events.length ? events[events.length - 1]!.t : 0)} ms`);
  for (const line of formatVerdicts(checkHistory(events))) console.log(line);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof HistoryFileError ? e.message : e);
    process.exit(1);
  }
}
