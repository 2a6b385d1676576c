import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineEndpoint, EngineEndpointError, needsResolving } from './engine-endpoint';

test('no DOCKER_HOST: the local socket, ports on 127.0.0.1', () => {
  const e = engineEndpoint({});
  assert.equal(e.local, true);
  assert.equal(e.publishHost, '127.0.0.1');
  assert.equal(e.socketPath, '/var/run/docker.sock');
});

test('a TCP engine on loopback is local', () => {
  const e = engineEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2375' });
  assert.equal(e.local, true);
  assert.equal(e.publishHost, '127.0.0.1');
  assert.deepEqual(e.tcp, { host: '127.0.0.1', port: 2375 });
});

test('a remote TLS engine publishes on its own host, with the cert files of DOCKER_CERT_PATH', () => {
  const e = engineEndpoint({ DOCKER_HOST: 'tcp://10.213.255.2:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' });
  assert.equal(e.local, false);
  assert.equal(e.publishHost, '10.213.255.2');
  assert.deepEqual(e.tls, { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' });
});

test('TESTCONTAINERS_HOST_OVERRIDE names where ports are reached', () => {
  assert.equal(engineEndpoint({ DOCKER_HOST: 'tcp://docker.example:2375', TESTCONTAINERS_HOST_OVERRIDE: '10.0.0.9' }).publishHost, '10.0.0.9');
});

test('a host name must be resolved before it can be a binding address', () => {
  assert.equal(needsResolving(engineEndpoint({ DOCKER_HOST: 'tcp://docker.example:2375' }).publishHost), true);
  assert.equal(needsResolving('10.1.2.3'), false);
});

test('plain HTTP on the TLS port, other schemes and junk are refused in one sentence naming DOCKER_HOST', () => {
  assert.throws(() => engineEndpoint({ DOCKER_HOST: 'tcp://10.0.0.2:2376' }), (e: Error) => e instanceof EngineEndpointError && /DOCKER_TLS_VERIFY is not 1/.test(e.message));
  assert.throws(() => engineEndpoint({ DOCKER_HOST: 'ssh://user@host' }), /ssh:\/\/, which zkharness does not drive/);
  assert.throws(() => engineEndpoint({ DOCKER_HOST: 'not a url' }), /is not a URL/);
});
