export interface Settings {
  readonly zkConnect: string;
  readonly zkSessionTimeoutMs: number;
  readonly gatewayPort: number;
  /** lower case, as host names compare. */
  readonly backendAllowlist: ReadonlySet<string>;
  readonly backendPorts: ReadonlySet<number>;
}

const DEFAULT_SESSION_TIMEOUT_MS = 4000;
const DEFAULT_GATEWAY_PORT = 8080;
const DEFAULT_BACKEND_PORTS = '8080';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

type Env = Readonly<Record<string, string | undefined>>;

export function readSettings(env: Env): Settings {
  const zkConnect = (env.ZK_CONNECT ?? '').trim();
  if (zkConnect === '') {
    throw new SettingsError('ZK_CONNECT is not set: give the ZooKeeper connect string, e.g. zk-1:2181,zk-2:2181,zk-3:2181.');
  }
  const allowlist = list(env.BACKEND_ALLOWLIST);
  if (allowlist.length === 0) {
    throw new SettingsError('BACKEND_ALLOWLIST is not set: name the web-node hosts the gateway may route to, e.g. node-1,node-2,node-3.');
  }
  return {
    zkConnect,
    zkSessionTimeoutMs: integer(env, 'ZK_SESSION_TIMEOUT_MS', DEFAULT_SESSION_TIMEOUT_MS, 1000, 120_000),
    gatewayPort: integer(env, 'GATEWAY_PORT', DEFAULT_GATEWAY_PORT, 1, 65_535),
    backendAllowlist: new Set(allowlist.map((name) => name.toLowerCase())),
    backendPorts: new Set(list(env.BACKEND_PORTS ?? DEFAULT_BACKEND_PORTS).map((text) => port('BACKEND_PORTS', text))),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const text = env[key]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(`${key} is "${text}": it must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function port(key: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new SettingsError(`${key} lists "${text}": every port must be a whole number from 1 to 65535.`);
  }
  return value;
}
