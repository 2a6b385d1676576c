import { test } from 'node:test';
import assert from 'node:assert/strict';
import { history, op } from '../history-fixtures';
import { registerOperations } from './operations';
import { cas, read, write } from './register-fixtures';

test('invocations pair with completions by id; unknown ones return at +Infinity; failed ones are set aside', () => {
  const h = history(
    write(1, 'p1', '/r', 0, 10, 'a'), read(2, 'p2', '/r', 5, 15, 'a'), cas(3, 'p3', '/r', 6, 20, 'a', 'b', 'fail'),
    write(4, 'p1', '/r', 30, 40, 'c', 'info'), read(5, 'p2', '/r', 30, 40, null, 'info'), write(6, 'p4', '/q', 50, null, 1),
  );
  const { ops, failed, counts } = registerOperations(h);
  assert.deepEqual(ops.map((o) => [o.id, o.key, o.f, o.input, o.output, o.callMs, o.returnMs, o.outcome]), [
    [1, '/r', 'write', { f: 'write', value: 'a' }, {}, 0, 10, 'ok'],
    [2, '/r', 'read', { f: 'read' }, { value: 'a' }, 5, 15, 'ok'],
    [4, '/r', 'write', { f: 'write', value: 'c' }, undefined, 30, Infinity, 'info'],
    [6, '/q', 'write', { f: 'write', value: 1 }, undefined, 50, Infinity, 'info'],
  ]);
  assert.deepEqual(failed.map((o) => o.id), [3]);
  assert.deepEqual(counts, { ok: 2, fail: 1, info: 3, incomplete: 1, droppedInfoReads: 1, malformed: 0 });
});

test('ops of other workloads are ignored; register ops that do not parse are set aside as malformed', () => {
  const h = history(
    op(0, 'invoke', 1, 'traffic', 'request'), op(1, 'ok', 1, 'traffic', 'request', { status: 200 }),
    op(2, 'invoke', 2, 'x', 'read', { path: '/r' }), op(3, 'ok', 2, 'x', 'read', { value: 1 }),
    op(4, 'invoke', 3, 'p', 'write', { key: '/r', value: [1] }), op(5, 'ok', 3, 'p', 'write'),
    op(6, 'invoke', 4, 'p', 'read', { key: '/r' }), op(7, 'ok', 4, 'p', 'read', { key: '/r' }),
  );
  const r = registerOperations(h);
  assert.equal(r.ops.length, 0);
  assert.equal(r.counts.malformed, 2);
  assert.deepEqual(r.malformed.map((e) => [e.id, e.type]), [[3, 'invoke'], [4, 'ok']]);
});
