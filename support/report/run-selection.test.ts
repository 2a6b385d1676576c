import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSelection } from './run-selection';

test('npm test as it is, or under the ci profile, is the whole suite', () => {
  assert.equal(runSelection([]), null);
  assert.equal(runSelection(['--profile', 'ci']), null);
  assert.equal(runSelection(['--profile=default', '--format', 'progress', '--parallel', '2']), null);
});

test('feature paths, tags, names, shards and other profiles are selections', () => {
  assert.equal(runSelection(['features/network-faults.feature']), 'features/network-faults.feature');
  assert.equal(runSelection(['--profile', 'ci', 'features/a.feature:12', '--tags', '@smoke']), 'features/a.feature:12 --tags @smoke');
  assert.equal(runSelection(['-p', 'smoke']), '-p smoke');
  assert.equal(runSelection(['--name=leader']), '--name leader');
  assert.equal(runSelection(['--shard', '1/2']), '--shard 1/2');
});

test('the value of an option is not taken for a feature path', () => {
  assert.equal(runSelection(['--format', 'html:reports/x.html', '--world-parameters', '{"a":1}']), null);
});
