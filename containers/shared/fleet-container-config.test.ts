// Every published port asks the engine for the harness's address, never the engine's default (every interface).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FleetGenericContainer } from './fleet-container-config';

test('exposed ports, fixed or random, are bound to the publish address only', () => {
  const saved = { ...process.env };
  try {
    delete process.env.DOCKER_HOST;
    delete process.env.TESTCONTAINERS_HOST_OVERRIDE;
    const local = new FleetGenericContainer('x').withExposedPorts(2181, { container: 8080, host: 18080 });
    assert.deepEqual(local.portBindings(), { '2181/tcp': [{ HostPort: '0', HostIp: '127.0.0.1' }], '8080/tcp': [{ HostPort: '18080', HostIp: '127.0.0.1' }] });
    process.env.DOCKER_HOST = 'tcp://10.213.255.2:2376';
    process.env.DOCKER_TLS_VERIFY = '1';
    const remote = new FleetGenericContainer('x').withExposedPorts(2181);
    assert.deepEqual(remote.portBindings(), { '2181/tcp': [{ HostPort: '0', HostIp: '10.213.255.2' }] });
  } finally {
    for (const k of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'TESTCONTAINERS_HOST_OVERRIDE']) {
      if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    }
  }
});

test('a container joins the fleet network at creation, under its alias, at a fixed address only when given one', () => {
  const member = new FleetGenericContainer('x').onNetwork('zkh-run-net', 'zk-2', '172.18.0.12');
  assert.deepEqual(member.endpoints(), { 'zkh-run-net': { Aliases: ['zk-2'], IPAMConfig: { IPv4Address: '172.18.0.12' } } });
  const node = new FleetGenericContainer('x').onNetwork('zkh-run-net', 'node-1');
  assert.deepEqual(node.endpoints(), { 'zkh-run-net': { Aliases: ['node-1'] } });
});
