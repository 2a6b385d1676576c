// The framing against a real `sh` on this machine (the sidecar's PID 1 is the same kind of shell, fed the same way).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { ShellFraming, ShellResult } from './sidecar-shell';

/** Runs `commands` through one long-lived sh, as a sidecar does, and answers each result by command number. */
async function throughSh(commands: string[]): Promise<Map<number, ShellResult>> {
  const framing = new ShellFraming('test');
  const sh = spawn('sh', [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const results = new Map<number, ShellResult>();
  const done = new Promise<void>((resolve) => {
    sh.stdout.on('data', (chunk: Buffer) => {
      for (const { id, result } of framing.feed(chunk.toString())) results.set(id, result);
      if (results.size === commands.length) resolve();
    });
  });
  commands.forEach((c, i) => sh.stdin.write(framing.encode(i + 1, c)));
  await done;
  sh.stdin.end();
  return results;
}

test('each command gets its own output and exit code, an exit ends only its subshell, stdin is not eaten', async () => {
  const r = await throughSh(['echo one; echo two', 'printf no-newline', 'exit 3', 'cat', 'echo err >&2; false', 'true', 'echo after']);
  assert.deepEqual(r.get(1), { exitCode: 0, output: 'one\ntwo\n' });
  assert.deepEqual(r.get(2), { exitCode: 0, output: 'no-newline' });
  assert.deepEqual(r.get(3), { exitCode: 3, output: '' });
  assert.deepEqual(r.get(4), { exitCode: 0, output: '' }, 'cat read /dev/null, not the commands after it');
  assert.deepEqual(r.get(5), { exitCode: 1, output: 'err\n' });
  assert.deepEqual(r.get(6), { exitCode: 0, output: '' });
  assert.deepEqual(r.get(7), { exitCode: 0, output: 'after\n' });
});

test('results split anywhere across chunks are put back together; another nonce is only output', () => {
  const framing = new ShellFraming('abc');
  const stream = 'hello\n\n@@zkh-abc-1 0\n\n@@zkh-xyz-2 0\nworld\n@@zkh-abc-2 7\n';
  const got: { id: number; result: ShellResult }[] = [];
  for (const ch of stream) got.push(...framing.feed(ch));
  assert.deepEqual(got, [
    { id: 1, result: { exitCode: 0, output: 'hello\n' } },
    { id: 2, result: { exitCode: 7, output: '\n@@zkh-xyz-2 0\nworld' } },
  ]);
});

test('a command of more than one line is refused', () => {
  assert.throws(() => new ShellFraming('n').encode(1, 'echo a\necho b'), /must be one line/);
});
