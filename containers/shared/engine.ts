// The one module that reaches the Docker engine directly (through testcontainers' dockerode client) for what
// testcontainers' API lacks: pause, stop-without-remove, start again, network create with labels, sweeps.
process.env.TESTCONTAINERS_RYUK_DISABLED = 'true'; // Ryuk's image can't be pulled here; we label and sweep ourselves.
import Dockerode from 'dockerode';
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { getContainerRuntimeClient, getReaper } from 'testcontainers';
import { Agent, request } from 'undici';
import { DockerUnavailableError } from './errors';
import { EngineEndpoint, EngineEndpointError, engineEndpoint, engineLabel, needsResolving } from './engine-endpoint';

let dockerode: Promise<Dockerode> | undefined;
let resolvedPublishHost: string | undefined;

export function engine(): Promise<Dockerode> {
  dockerode ??= (async () => {
    let endpoint: EngineEndpoint | undefined;
    try {
      endpoint = engineEndpoint();
      resolvedPublishHost = needsResolving(endpoint.publishHost) ? (await lookup(endpoint.publishHost, { family: 4 })).address : endpoint.publishHost;
      // testcontainers' wait strategies reach the container where we publish it; without this it may pick the
      // docker0 gateway as the host (it did after an engine restart here) and never reach it.
      process.env.TESTCONTAINERS_HOST_OVERRIDE ??= resolvedPublishHost;
      await pingEngine(endpoint, tlsMaterial(endpoint));
      const client = await getContainerRuntimeClient();
      await client.container.dockerode.ping();
      // testcontainers asks for its reaper (disabled here) at every container start; the first asks of a process
      // each take a file lock, and those that lose it retry 0.5-1 s later: the first ensemble's 2nd and 3rd members
      // started ~0.5 s after the 1st. Asked once here, before any start, it is cached for all of them.
      await getReaper(client);
      return client.container.dockerode;
    } catch (e) {
      dockerode = undefined;
      if (e instanceof EngineEndpointError) throw e;
      throw new DockerUnavailableError(endpoint ? engineLabel(endpoint) : `DOCKER_HOST=${process.env.DOCKER_HOST}`, wholeMessage(e as Error), endpoint?.local ?? true);
    }
  })();
  return dockerode;
}

/**
 * A further engine of a sharded run, which the runner checks and sweeps (this process's own is engine()):
 * a plain client for the engine `env` names, answered or refused in one sentence naming it.
 */
export async function engineAt(env: Readonly<Record<string, string | undefined>>): Promise<Dockerode> {
  let endpoint: EngineEndpoint | undefined;
  let tls: ReturnType<typeof tlsMaterial>;
  try {
    endpoint = engineEndpoint(env);
    tls = tlsMaterial(endpoint);
    await pingEngine(endpoint, tls);
  } catch (e) {
    if (e instanceof EngineEndpointError) throw e;
    throw new DockerUnavailableError(endpoint ? engineLabel(endpoint) : `DOCKER_HOST=${env.DOCKER_HOST}`, wholeMessage(e as Error), endpoint?.local ?? true);
  }
  return endpoint.socketPath ? new Dockerode({ socketPath: endpoint.socketPath })
    : new Dockerode({ host: endpoint.tcp!.host, port: endpoint.tcp!.port, protocol: tls ? 'https' : 'http', ...(tls ?? {}) });
}

/**
 * The address every port is published on and reached at (127.0.0.1 for a local engine, the engine's host for a
 * remote one); known once engine() has answered.
 */
export function publishHost(): string {
  if (resolvedPublishHost) return resolvedPublishHost;
  const given = engineEndpoint().publishHost;
  if (needsResolving(given)) throw new Error(`the publish address ${given} is a name: call engine() first, which resolves it`);
  return given;
}

/** The client certificate files of a TLS engine (DOCKER_CERT_PATH), read; undefined for a plain engine. */
function tlsMaterial(endpoint: EngineEndpoint): { ca: Buffer; cert: Buffer; key: Buffer } | undefined {
  return endpoint.tls && { ca: readFileSync(endpoint.tls.ca), cert: readFileSync(endpoint.tls.cert), key: readFileSync(endpoint.tls.key) };
}

/** An error and its causes on one line: an engine's refusal is shown whole, never only its first line. */
function wholeMessage(e: Error): string {
  const parts: string[] = [];
  for (let c: Error | undefined = e; c && parts.length < 5; c = (c as { cause?: Error }).cause) {
    if (c.message && !parts.some((p) => p.includes(c!.message))) parts.push(c.message);
  }
  return parts.join(': ').replace(/\s*\n\s*/g, '; ');
}

/**
 * testcontainers falls back to /var/run/docker.sock when DOCKER_HOST does not answer: a user who named an
 * engine gets that engine or a refusal naming it, never another one. TLS engines are pinged over HTTPS with
 * the client certificates of DOCKER_CERT_PATH.
 */
async function pingEngine(endpoint: EngineEndpoint, tls: ReturnType<typeof tlsMaterial>): Promise<void> {
  const dispatcher = new Agent({ connect: { timeout: 3000, ...(endpoint.socketPath ? { socketPath: endpoint.socketPath } : {}), ...(tls ?? {}) } });
  const origin = endpoint.tcp ? `${tls ? 'https' : 'http'}://${endpoint.tcp.host.includes(':') ? `[${endpoint.tcp.host}]` : endpoint.tcp.host}:${endpoint.tcp.port}` : 'http://localhost';
  try {
    const answer = await request(`${origin}/_ping`, { dispatcher, headersTimeout: 3000, bodyTimeout: 3000 });
    const body = await answer.body.text();
    if (answer.statusCode !== 200) throw new Error(`its /_ping answered HTTP ${answer.statusCode}${body ? ` (${body.trim().slice(0, 200)})` : ''}`);
  } finally {
    await dispatcher.close();
  }
}

export async function containerAddress(id: string, networkName: string): Promise<string> {
  const info = await (await engine()).getContainer(id).inspect();
  const address = info.NetworkSettings.Networks[networkName]?.IPAddress;
  if (!address) throw new Error(`container ${info.Name} has no address on network ${networkName}`);
  return address;
}

/** Host port (on publishHost()) that a container's port is published on; re-read after every start. */
export async function mappedPort(id: string, containerPort: number): Promise<number> {
  const info = await (await engine()).getContainer(id).inspect();
  const binding = info.NetworkSettings.Ports?.[`${containerPort}/tcp`]?.[0];
  if (!binding) throw new Error(`container ${info.Name} does not publish port ${containerPort} (is it running?)`);
  return Number(binding.HostPort);
}

/** When the container last started (a restart gives it a new network namespace), or null when it is gone. */
export async function containerStartedAt(id: string): Promise<string | null> {
  try {
    return (await (await engine()).getContainer(id).inspect()).State.StartedAt;
  } catch {
    return null;
  }
}

export async function containerState(id: string): Promise<'running' | 'paused' | 'exited' | 'created' | 'gone' | string> {
  try {
    const info = await (await engine()).getContainer(id).inspect();
    return info.State.Status;
  } catch {
    return 'gone';
  }
}

export async function containerLogs(id: string, tail = 2000): Promise<string> {
  const buffer = (await (await engine()).getContainer(id).logs({ stdout: true, stderr: true, tail, timestamps: true })) as unknown as Buffer;
  return demultiplex(buffer);
}

/** Docker's log stream frames each chunk with an 8-byte header when no TTY is attached. */
function demultiplex(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && (buffer[offset] === 1 || buffer[offset] === 2) && buffer[offset + 1] === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return offset === 0 ? buffer.toString('utf8') : Buffer.concat(parts).toString('utf8');
}
