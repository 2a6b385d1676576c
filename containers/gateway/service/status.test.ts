import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { RoutingView } from './routing-state';
import { leaderRoute, noBackendReason, statusDocument } from './status';

const node2 = { id: 'id-2', node: 'node-2', address: 'node-2', port: 8080 };
const refusedZk = { id: 'id-z', address: 'zk-1', port: 2181, reason: 'address zk-1 is not a web node of this fleet' };

function view(fields: Partial<RoutingView>): RoutingView {
  return { zk: 'CONNECTED', table: { backends: [], refused: [] }, tableRead: true, servicePathExists: true, leader: null, leaderRead: true, ...fields };
}

describe('status', () => {
  it('renders the contract document', () => {
    assert.deepEqual(statusDocument(view({ table: { backends: [node2], refused: [refusedZk] }, leader: 'node-2' })), {
      zk: 'CONNECTED',
      backends: [node2],
      leader: 'node-2',
      refused: [refusedZk],
    });
    assert.equal(statusDocument(view({ zk: null })).zk, 'LOST');
  });

  it('explains an empty table as it is', () => {
    assert.equal(noBackendReason(view({}), '/fleet/services/web'), 'no web node is registered in /fleet/services/web');
    assert.match(noBackendReason(view({ servicePathExists: false }), '/fleet/services/web'), /the path does not exist/);
    assert.match(noBackendReason(view({ zk: 'LOST' }), '/fleet/services/web'), /as last read; the ZooKeeper connection is LOST/);
    assert.match(noBackendReason(view({ zk: null, tableRead: false }), '/fleet/services/web'), /has not reached ZooKeeper yet/);
    assert.match(noBackendReason(view({ table: { backends: [], refused: [refusedZk] } }), '/fleet/services/web'), /refused: id-z \(address zk-1/);
  });

  it('routes /leader to the leader node, or says why not', () => {
    assert.deepEqual(leaderRoute(view({ table: { backends: [node2], refused: [] }, leader: 'node-2' }), '/fleet/leader'), { backends: [node2] });
    assert.deepEqual(leaderRoute(view({ leader: null }), '/fleet/leader'), { reason: 'no Jetty leader: /fleet/leader has no latch participant' });
    assert.deepEqual(leaderRoute(view({ zk: null, leaderRead: false }), '/fleet/leader'), {
      reason: 'the gateway has not read /fleet/leader yet (the ZooKeeper connection is not established)',
    });
    assert.match(JSON.stringify(leaderRoute(view({ leader: 'node-3', table: { backends: [node2], refused: [] } }), '/fleet/leader')), /node-3 has no registration/);
  });
});
