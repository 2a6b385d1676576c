import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseServiceInstance } from './service-instance';
import type { ServiceInstance } from './service-instance';
import { serviceInstanceJson as registration } from './testing/service-instance-json';

function instance(data: string | Buffer): ServiceInstance {
  const parsed = parseServiceInstance('id-1', data);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed.instance;
}

describe('Curator ServiceInstance parsing', () => {
  it('reads the address, the port and the node the payload names', () => {
    assert.deepEqual(instance(Buffer.from(registration({}))), { id: 'id-1', node: 'node-2', address: 'node-2', port: 8080 });
  });

  it('reads the node from a payload wrapped by Curator serializers', () => {
    const wrapped = [
      { '@class': 'org.zkharness.NodeDetails', node: 'node-3' },
      ['org.zkharness.NodeDetails', { node: 'node-3' }],
      { 'org.zkharness.NodeDetails': { node: 'node-3' } },
    ];
    for (const payload of wrapped) assert.equal(instance(registration({ address: 'node-1', payload })).node, 'node-3');
  });

  it('falls back to the address when the payload names no node', () => {
    for (const payload of [null, {}, { '@class': 'x' }, 'free text', 42]) {
      assert.equal(instance(registration({ address: 'node-1', payload })).node, 'node-1');
    }
  });

  it('leaves out an address or a port that is missing or mistyped', () => {
    assert.deepEqual(instance(JSON.stringify({ port: 8080 })), { id: 'id-1', node: null, address: null, port: 8080 });
    assert.deepEqual(instance(JSON.stringify({ address: 42, port: '8080' })), { id: 'id-1', node: null, address: null, port: null });
    assert.equal(instance(registration({ address: '  node-1 ', payload: null })).node, 'node-1');
  });

  it('says why what does not parse is no ServiceInstance', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['{not json', /not JSON/],
      ['[1,2]', /not a JSON object/],
      ['"node-1"', /not a JSON object/],
    ];
    for (const [data, reason] of cases) {
      const parsed = parseServiceInstance('x', Buffer.from(data));
      assert.ok(!parsed.ok, data);
      assert.match(parsed.reason, reason);
    }
  });
});
