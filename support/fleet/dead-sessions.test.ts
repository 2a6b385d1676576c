import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadSessionZnodes, liveSessionsOf } from './dead-sessions';
import { NodeStatus } from '../../containers/web-node/started-web-node';

const status = (node: string, session: string | null): NodeStatus => ({ node, registered: session !== null, leader: false, zk: session ? 'CONNECTED' : 'CONNECTING', configVersion: 1, rejected: null, session });

test('the znodes of a killed node\'s session are dead; live sessions\' and persistent ones are kept', () => {
  const live = new Set(['00000000000000a1', '00000000000000a2']);
  const znodes = [
    { path: '/fleet/services/web/new-node-2', owner: '00000000000000a2' },
    { path: '/fleet/services/web/old-node-2', owner: '00000000000000f9' },
    { path: '/fleet/leader/_c_x-latch-0000000003', owner: '00000000000000f9' },
    { path: '/fleet/leader/_c_y-latch-0000000004', owner: '00000000000000a1' },
    { path: '/fleet/services/web/persistent', owner: '0000000000000000' },
  ];
  assert.deepEqual(deadSessionZnodes(znodes, live), ['/fleet/services/web/old-node-2', '/fleet/leader/_c_x-latch-0000000003']);
  assert.deepEqual(deadSessionZnodes(znodes.slice(0, 1), live), []);
});

test('live sessions are known only when every node answers with one: a silent node might own any znode', () => {
  const all = liveSessionsOf({ 'node-1': status('node-1', '00000000000000a1'), 'node-2': status('node-2', '00000000000000a2') });
  assert.equal(all.ok, true);
  assert.deepEqual([...all.sessions], ['00000000000000a1', '00000000000000a2']);
  const connecting = liveSessionsOf({ 'node-1': status('node-1', '00000000000000a1'), 'node-2': status('node-2', null) });
  assert.deepEqual({ ok: connecting.ok, seen: connecting.seen }, { ok: false, seen: 'no session yet: node-2' });
  assert.equal(liveSessionsOf({ 'node-1': status('node-1', '00000000000000a1'), 'node-2': 'no answer (ECONNREFUSED)' }).ok, false);
});
