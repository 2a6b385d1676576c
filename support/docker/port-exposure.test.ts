import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exposedElsewhere } from './port-exposure';

test('a port on every interface (0.0.0.0 and ::) is named; ports on the asked address and unpublished ones are not', () => {
  const found = exposedElsewhere([
    { Names: ['/zkh-r-zk-1'], Ports: [{ IP: '0.0.0.0', PrivatePort: 2181, PublicPort: 32768 }, { IP: '::', PrivatePort: 2181, PublicPort: 32768 }, { PrivatePort: 2888 }] },
    { Names: ['/zkh-r-node-1'], Ports: [{ IP: '127.0.0.1', PrivatePort: 8080, PublicPort: 32769 }] },
  ], '127.0.0.1');
  assert.deepEqual(found, ['zkh-r-zk-1: 2181 on 0.0.0.0:32768', 'zkh-r-zk-1: 2181 on :::32768']);
});

test('nothing published elsewhere: nothing named', () => {
  assert.deepEqual(exposedElsewhere([{ Names: ['/a'], Ports: [{ IP: '10.213.255.2', PrivatePort: 2181, PublicPort: 40000 }] }], '10.213.255.2'), []);
});
