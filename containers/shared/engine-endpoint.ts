// Which Docker engine this process talks to, and where the ports it publishes are reached: the one notion
// of "where" that every port binding, URL and connect string uses. Pure: it reads only the environment it is given.
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ZkharnessError } from './errors';

export interface EngineEndpoint {
  /** DOCKER_HOST as given, or the default local socket. */
  readonly dockerHost: string;
  /** A unix socket, or TCP to a loopback address: this machine's engine. */
  readonly local: boolean;
  /** The address every port is published on and reached at: 127.0.0.1 locally, the engine's host otherwise. */
  readonly publishHost: string;
  /** HTTPS with client certificates (DOCKER_TLS_VERIFY=1): the files to use. */
  readonly tls: { readonly ca: string; readonly cert: string; readonly key: string } | undefined;
  /** For TCP engines: host and port; for unix sockets: the socket path. */
  readonly tcp: { readonly host: string; readonly port: number } | undefined;
  readonly socketPath: string | undefined;
}

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

type Env = Readonly<Record<string, string | undefined>>;

/** DOCKER_HOST (or its TLS settings) names no engine the harness can drive: a setting to fix, not an engine down. */
export class EngineEndpointError extends ZkharnessError {}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

export function engineEndpoint(env: Env = process.env): EngineEndpoint {
  const dockerHost = env.DOCKER_HOST || DEFAULT_DOCKER_HOST;
  let url: URL;
  try {
    url = new URL(dockerHost);
  } catch {
    throw new EngineEndpointError(`DOCKER_HOST=${dockerHost} is not a URL: use unix:///path/to/docker.sock or tcp://host:port.`);
  }
  const tls = env.DOCKER_TLS_VERIFY === '1' ? tlsFiles(env.DOCKER_CERT_PATH || join(homedir(), '.docker')) : undefined;
  const override = env.TESTCONTAINERS_HOST_OVERRIDE || undefined;
  if (url.protocol === 'unix:') {
    return { dockerHost, local: true, publishHost: override ?? '127.0.0.1', tls: undefined, tcp: undefined, socketPath: url.pathname };
  }
  if (url.protocol !== 'tcp:') {
    throw new EngineEndpointError(`DOCKER_HOST=${dockerHost} uses ${url.protocol.replace(/:$/, '')}://, which zkharness does not drive: use unix:// or tcp:// (with DOCKER_TLS_VERIFY=1 for TLS).`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (tls ? 2376 : 2375));
  if (port === 2376 && !tls) {
    throw new EngineEndpointError(`DOCKER_HOST=${dockerHost} is Docker's TLS port but DOCKER_TLS_VERIFY is not 1: the Docker client speaks HTTPS there, so set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or serve plain HTTP on 2375.`);
  }
  const local = LOOPBACK.test(host);
  return { dockerHost, local, publishHost: override ?? (local ? '127.0.0.1' : host), tls, tcp: { host, port }, socketPath: undefined };
}

function tlsFiles(dir: string): { ca: string; cert: string; key: string } {
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
}

/** Docker binds a published port to an IP address only: a host name must be resolved first. */
export function needsResolving(publishHost: string): boolean {
  return isIP(publishHost) === 0;
}

/** How an engine is named in messages and reports: its DOCKER_HOST URL. */
export function engineLabel(endpoint: EngineEndpoint): string {
  return endpoint.dockerHost;
}
