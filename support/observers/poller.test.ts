import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History } from '../history/history';
import { NodeStatusObservation } from '../history/events';
import { observe } from './poller';

test('every answer is recorded with when it was asked; a failed probe is recorded as no answer, not skipped', async () => {
  const history = new History();
  let n = 0;
  const poller = observe<NodeStatusObservation>(history, 5, async () => {
    n++;
    await new Promise((r) => setTimeout(r, 3));
    if (n === 2) throw new Error('timed out');
    return { kind: 'observe', observer: 'node-status', node: 'node-1', answered: true, leader: n === 1 };
  }, (e) => ({ kind: 'observe', observer: 'node-status', node: 'node-1', answered: false, error: e.message }));
  while (history.events().length < 3) await new Promise((r) => setTimeout(r, 5));
  await poller.stop();
  const [first, second] = history.events() as NodeStatusObservation[];
  assert.equal(first!.answered, true);
  assert.equal(first!.leader, true);
  assert.ok(first!.t - first!.sentAt >= 2, 'stamped when asked and when answered');
  assert.deepEqual([second!.answered, second!.error], [false, 'timed out']);
  const count = history.events().length;
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(history.events().length, count, 'nothing recorded after stop()');
});
