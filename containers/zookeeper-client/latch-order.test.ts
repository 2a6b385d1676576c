import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { latchParticipants, latchSequence, orderLatchChildren } from './latch-order';

const leaderChild = (children: readonly string[]) => orderLatchChildren(children)[0] ?? null;

describe('latch child ordering', () => {
  it('reads the 10-digit sequence after the last dash', () => {
    assert.equal(latchSequence('_c_2f1e3c6a-94b8-4d58-a7b5-8d1c2e3f4a5b-latch-0000000003'), 3);
    assert.equal(latchSequence('latch-0000000012'), 12);
    assert.equal(latchSequence('lock-0000000001'), null);
    assert.equal(latchSequence('_c_abc-latch-12'), null);
  });

  it('ranks by sequence, not by the protection prefix', () => {
    const children = [
      '_c_ffffffff-0000-0000-0000-000000000000-latch-0000000007',
      '_c_00000000-0000-0000-0000-000000000000-latch-0000000011',
      '_c_88888888-0000-0000-0000-000000000000-latch-0000000002',
    ];
    assert.deepEqual(orderLatchChildren(children), [children[2], children[0], children[1]]);
  });

  it('ignores children that are not latch children', () => {
    assert.equal(leaderChild(['something-else', '_c_x-latch-0000000009', 'latch-0000000010']), '_c_x-latch-0000000009');
  });

  it('has no leader without children', () => {
    assert.equal(leaderChild([]), null);
    assert.equal(leaderChild(['not-a-latch']), null);
  });

  it('compares numerically across digit boundaries', () => {
    assert.equal(leaderChild(['_c_a-latch-0000000010', '_c_b-latch-0000000009']), '_c_b-latch-0000000009');
  });

  it('names the participants in latch order, the leader first', () => {
    const children = new Map([
      ['_c_a-latch-0000000010', Buffer.from('node-1')],
      ['_c_b-latch-0000000009', Buffer.from('node-3\n')],
      ['not-a-latch', Buffer.from('node-9')],
    ]);
    assert.deepEqual(latchParticipants(children), ['node-3', 'node-1']);
    assert.deepEqual(latchParticipants(new Map()), []);
  });
});
