import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatVerdicts, HistoryFileError, parseHistory } from './check';
import { checkHistory } from '../checks/default-checkers';
import { history, polls, status } from '../checks/history-fixtures';

const header = JSON.stringify({ kind: 'header', t: 0, scenario: 's', feature: 'f', startedAt: '', observers: {}, nodes: [], members: [], gateway: false });

test('parses one event per line, skipping blank lines', () => {
  const events = parseHistory(`${header}\n{"kind":"step","t":5,"phase":"start","text":"Given"}\n\n`);
  assert.deepEqual(events.map((e) => e.kind), ['header', 'step']);
});

test('a line that is not JSON is named by its number', () => {
  assert.throws(() => parseHistory(`${header}\n{"kind":"step","t":5}\n{"kind":"step",`, 'h.ndjson'), (e: unknown) => e instanceof HistoryFileError && /^Line 3 of h\.ndjson is not JSON/.test(e.message));
  assert.throws(() => parseHistory(`${header}\n[1,2]`), /Line 2 of the history is JSON but not a history event/);
});

test('prints one line per invariant and at most five evidence lines each', () => {
  const leaders = history(polls('node-1', 0, 3000, 250, { leader: true }), ...[1, 2, 3, 4, 5, 6].flatMap((i) => [status(i * 400, 'node-2', { leader: true }), status(i * 400 + 200, 'node-2')]));
  const lines = formatVerdicts(checkHistory(leaders));
  assert.match(lines[0]!, /^single-jetty-leader {2,}invalid {2}6 time\(s\) two nodes/);
  assert.equal(lines.filter((l) => /^ +at \d/.test(l) && /both said/.test(l)).length, 5);
  assert.ok(lines.some((l) => /… and 1 more/.test(l)));
});

test('the command exits 0 on a judged history and 1 with one sentence on a bad line', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zkh-check-'));
  writeFileSync(join(dir, 'good.ndjson'), `${header}\n{"kind":"step","t":5,"phase":"start","text":"Given"}\n`);
  writeFileSync(join(dir, 'bad.ndjson'), `${header}\nnot json\n`);
  const run = (file: string) => spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', join(__dirname, 'check.ts'), join(dir, file)], { encoding: 'utf8' });
  const good = run('good.ndjson');
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /availability +valid +nothing to judge: no traffic/);
  const bad = run('bad.ndjson');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Line 2 of .*bad\.ndjson is not JSON/);
  assert.equal(run('missing.ndjson').status, 1);
});
