import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { classify, decide, originOf } from './backend-policy';
import { serviceInstanceJson as registration } from '../../zookeeper-client/testing/service-instance-json';

const policy = { allowlist: new Set(['node-1', 'node-2', 'node-3']), ports: new Set([8080]) };

describe('backend allowlist', () => {
  it('allows a Curator ServiceInstance that names a web node', () => {
    assert.deepEqual(decide('id-1', registration({}), policy), {
      allowed: true,
      backend: { id: 'id-1', node: 'node-2', address: 'node-2', port: 8080 },
    });
  });

  it('names the backend by the node its payload names, else by its address', () => {
    const decision = decide('id-1', registration({ address: 'node-3', payload: ['org.zkharness.NodeDetails', { node: 'node-1' }] }), policy);
    assert.ok(decision.allowed);
    assert.equal(decision.backend.node, 'node-1');
    const unnamed = decide('id-1', registration({ address: 'node-3', payload: null }), policy);
    assert.ok(unnamed.allowed);
    assert.equal(unnamed.backend.node, 'node-3');
  });

  it('compares host names without case', () => {
    assert.ok(decide('id-1', registration({ address: 'NODE-2' }), policy).allowed);
  });

  it('refuses a ZooKeeper member, an IP and another host, naming the address', () => {
    for (const address of ['zk-1', '172.18.0.4', 'example.com']) {
      const decision = decide('bad', registration({ address, port: 8080 }), policy);
      assert.ok(!decision.allowed);
      assert.equal(decision.refusal.address, address);
      assert.equal(decision.refusal.port, 8080);
      assert.match(decision.refusal.reason, new RegExp(`address ${address.replace(/\./g, '\\.')} is not a web node of this fleet`));
    }
  });

  it('refuses a port that is not allowed, or none', () => {
    const wrongPort = decide('p', registration({ port: 2181 }), policy);
    assert.ok(!wrongPort.allowed);
    assert.match(wrongPort.refusal.reason, /port 2181 is not an allowed backend port/);
    const noPort = decide('p', registration({ port: null, sslPort: 8443 }), policy);
    assert.ok(!noPort.allowed);
    assert.match(noPort.refusal.reason, /no port/);
  });

  it('refuses what is no ServiceInstance, or names no address', () => {
    const cases: [string, RegExp][] = [
      ['{not json', /not JSON/],
      [JSON.stringify({ port: 8080 }), /no address/],
      [JSON.stringify({ address: 42, port: 8080 }), /no address/],
    ];
    for (const [data, reason] of cases) {
      const decision = decide('x', Buffer.from(data), policy);
      assert.ok(!decision.allowed, data);
      assert.match(decision.refusal.reason, reason);
    }
  });

  it('classifies a table in a stable order', () => {
    const table = classify(
      new Map([
        ['b', Buffer.from(registration({ id: 'b', address: 'node-2', payload: { node: 'node-2' } }))],
        ['z', Buffer.from(registration({ id: 'z', address: 'zk-1', port: 2181 }))],
        ['a', Buffer.from(registration({ id: 'a', address: 'node-1', payload: { node: 'node-1' } }))],
      ]),
      policy,
    );
    assert.deepEqual(
      table.backends.map((backend) => [backend.node, backend.id, originOf(backend)]),
      [
        ['node-1', 'a', 'http://node-1:8080'],
        ['node-2', 'b', 'http://node-2:8080'],
      ],
    );
    assert.deepEqual(table.refused.map((refusal) => [refusal.id, refusal.address, refusal.port]), [['z', 'zk-1', 2181]]);
  });
});
