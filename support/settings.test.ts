import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettings } from './settings';

test('no setting given: the defaults', () => {
  const s = readSettings({});
  assert.equal(s.timing.name, 'fast');
  assert.equal(s.timing.multiplier, 1);
  assert.equal(s.reuse, true);
  assert.equal(s.keep, false);
  assert.equal(s.seed, undefined);
  assert.equal(s.runCapMinutes, 80);
  assert.match(s.reportsDir, /reports$/);
});

test('every setting read and typed', () => {
  const s = readSettings({ ZKH_TIMING_PROFILE: 'debian-defaults', ZKH_TIMING_MULTIPLIER: '2.5', ZKH_SEED: '42', ZKH_REUSE: '0', ZKH_KEEP: '1', ZKH_GATEWAY_PORT: '18080', ZKH_NODE_IMAGE: 'mine:1' });
  assert.equal(s.timing.tickTimeMs, 2000);
  assert.equal(s.timing.multiplier, 2.5);
  assert.equal(s.timingProfileGiven, true);
  assert.equal(s.seed, 42);
  assert.equal(s.reuse, false);
  assert.equal(s.keep, true);
  assert.equal(s.gatewayPort, 18080);
  assert.deepEqual(s.imageOverrides, { ZKH_NODE_IMAGE: 'mine:1' });
});

test('a bad value is one sentence naming the variable and what it accepts', () => {
  assert.throws(() => readSettings({ ZKH_TIMING_PROFILE: 'slow' }), /^SettingError: ZKH_TIMING_PROFILE=slow is not a setting it accepts: use one of fast, debian-defaults\.$/);
  assert.throws(() => readSettings({ ZKH_TIMING_MULTIPLIER: '0' }), /ZKH_TIMING_MULTIPLIER=0 is not a setting it accepts: use a positive number/);
  assert.throws(() => readSettings({ ZKH_REUSE: 'no' }), /ZKH_REUSE=no is not a setting it accepts: use 1 or 0\./);
  assert.throws(() => readSettings({ ZKH_GATEWAY_PORT: '80' }), /ZKH_GATEWAY_PORT=80 .* a port between 1024 and 65535/);
  assert.throws(() => readSettings({ ZKH_SEED: '-1' }), /ZKH_SEED=-1/);
});

test('a misspelt setting is named, with the ones that exist', () => {
  assert.throws(() => readSettings({ ZKH_RESUE: '0' }), /ZKH_RESUE is not a setting of zkharness: the settings are ZKH_TIMING_PROFILE, /);
});

test('ZKH_DOCKER_HOSTS: a list of engines, each one checked', () => {
  assert.deepEqual(readSettings({}).dockerHosts, []);
  assert.deepEqual(readSettings({ ZKH_DOCKER_HOSTS: 'unix:///var/run/docker.sock, tcp://10.0.0.2:2376', DOCKER_TLS_VERIFY: '1' }).dockerHosts, ['unix:///var/run/docker.sock', 'tcp://10.0.0.2:2376']);
  assert.throws(() => readSettings({ ZKH_DOCKER_HOSTS: 'tcp://10.0.0.2:2376' }), /^SettingError: ZKH_DOCKER_HOSTS has an entry it cannot use: DOCKER_HOST=tcp:\/\/10\.0\.0\.2:2376 is Docker's TLS port but DOCKER_TLS_VERIFY is not 1/);
});
