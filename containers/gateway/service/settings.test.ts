import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readSettings, SettingsError } from './settings';

const base = { ZK_CONNECT: 'zk-1:2181,zk-2:2181', BACKEND_ALLOWLIST: 'node-1, Node-2,,node-3' };

describe('settings', () => {
  it('applies the defaults', () => {
    const settings = readSettings(base);
    assert.equal(settings.zkConnect, 'zk-1:2181,zk-2:2181');
    assert.equal(settings.zkSessionTimeoutMs, 4000);
    assert.equal(settings.gatewayPort, 8080);
    assert.deepEqual([...settings.backendAllowlist], ['node-1', 'node-2', 'node-3']);
    assert.deepEqual([...settings.backendPorts], [8080]);
  });

  it('reads every variable', () => {
    const settings = readSettings({ ...base, ZK_SESSION_TIMEOUT_MS: '6000', GATEWAY_PORT: '9090', BACKEND_PORTS: '8080, 8081' });
    assert.equal(settings.zkSessionTimeoutMs, 6000);
    assert.equal(settings.gatewayPort, 9090);
    assert.deepEqual([...settings.backendPorts], [8080, 8081]);
  });

  it('refuses missing or malformed values with a sentence naming the variable', () => {
    assert.throws(() => readSettings({ BACKEND_ALLOWLIST: 'node-1' }), (error: Error) => error instanceof SettingsError && /ZK_CONNECT/.test(error.message));
    assert.throws(() => readSettings({ ZK_CONNECT: 'zk-1:2181' }), /BACKEND_ALLOWLIST/);
    assert.throws(() => readSettings({ ...base, GATEWAY_PORT: 'eighty' }), /GATEWAY_PORT is "eighty"/);
    assert.throws(() => readSettings({ ...base, BACKEND_PORTS: '8080,70000' }), /BACKEND_PORTS lists "70000"/);
  });
});
