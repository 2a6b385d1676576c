import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { tarOneFile } from './tar-file';

test('the archive is one that tar(1) extracts to the same bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zkh-tar-'));
  writeFileSync(join(dir, 'a.tar'), tarOneFile('zkh-disk/fsync-delay-ms', Buffer.from('500\n')));
  execFileSync('tar', ['-xf', join(dir, 'a.tar'), '-C', dir]);
  assert.equal(readFileSync(join(dir, 'zkh-disk/fsync-delay-ms'), 'utf8'), '500\n');
  assert.equal(tarOneFile('x', Buffer.alloc(600)).length, 512 + 1024 + 1024);
  assert.throws(() => tarOneFile('x'.repeat(100), Buffer.alloc(1)), /longer than 99 bytes/);
});
