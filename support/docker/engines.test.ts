import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineForWorker, envForEngine, runEngines } from './engines';

const A = 'unix:///var/run/docker.sock';
const B = 'tcp://10.213.255.2:2376';

test('worker i runs on engine i mod n; the only process on the first', () => {
  assert.equal(engineForWorker([A, B], undefined), A);
  assert.equal(engineForWorker([A, B], '0'), A);
  assert.equal(engineForWorker([A, B], '1'), B);
  assert.equal(engineForWorker([A, B], '2'), A);
  assert.equal(engineForWorker([B], '3'), B);
  assert.throws(() => engineForWorker([A], 'x'), /not a worker number/);
});

test('without ZKH_DOCKER_HOSTS the run has one engine: DOCKER_HOST or the local socket', () => {
  assert.deepEqual(runEngines({}, []), [A]);
  assert.deepEqual(runEngines({ DOCKER_HOST: B }, []), [B]);
  assert.deepEqual(runEngines({ DOCKER_HOST: B }, [A, B]), [A, B]);
});

test('TLS settings go to TCP engines only', () => {
  const env = { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c', PATH: '/bin' };
  assert.deepEqual(envForEngine(B, env), { ...env, DOCKER_HOST: B });
  assert.deepEqual(envForEngine(A, env), { PATH: '/bin', DOCKER_HOST: A });
});
