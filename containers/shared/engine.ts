// The one module that reaches the Docker engine directly (through testcontainers' dockerode client) for what
// testcontainers' API lacks: pause, stop-without-remove, start again, network create with labels, sweeps.
process.env.TESTCONTAINERS_RYUK_DISABLED = 'true'; // Ryuk's image can't be pulled here; we label and sweep ourselves.
// Ports are published on 127.0.0.1 only; without this, testcontainers may pick the docker0 gateway as the
// host (it did after an engine restart here) and its wait strategies then never reach the container.
process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
import type Dockerode from 'dockerode';
import { getContainerRuntimeClient } from 'testcontainers';
import { Agent, request } from 'undici';
import { DockerUnavailableError } from './errors';

let dockerode: Promise<Dockerode> | undefined;

export function engine(): Promise<Dockerode> {
  dockerode ??= (async () => {
    try {
      if (process.env.DOCKER_HOST) await pingDockerHost(process.env.DOCKER_HOST);
      const client = await getContainerRuntimeClient();
      await client.container.dockerode.ping();
      return client.container.dockerode;
    } catch (e) {
      dockerode = undefined;
      throw new DockerUnavailableError((e as Error).message.split('\n')[0]);
    }
  })();
  return dockerode;
}

/**
 * testcontainers falls back to /var/run/docker.sock when DOCKER_HOST does not answer: a user who named an
 * engine gets that engine or a refusal naming it, never another one. Schemes other than unix and tcp (ssh,
 * TLS) are left to testcontainers.
 */
async function pingDockerHost(dockerHost: string): Promise<void> {
  const url = new URL(dockerHost);
  if (url.protocol !== 'unix:' && url.protocol !== 'tcp:') return;
  const socketPath = url.protocol === 'unix:' ? url.pathname : undefined;
  const dispatcher = new Agent({ connect: socketPath ? { socketPath, timeout: 3000 } : { timeout: 3000 } });
  try {
    const answer = await request(`http://${socketPath ? 'localhost' : url.host}/_ping`, { dispatcher, headersTimeout: 3000, bodyTimeout: 3000 });
    await answer.body.text();
    if (answer.statusCode !== 200) throw new Error(`its /_ping answered HTTP ${answer.statusCode}`);
  } catch (e) {
    const cause = (e as { cause?: Error }).cause?.message ?? (e as Error).message;
    throw new Error(`DOCKER_HOST=${dockerHost}: ${cause}`);
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

/** Host port (127.0.0.1) that a container's port is published on; re-read after every start. */
export async function mappedPort(id: string, containerPort: number): Promise<number> {
  const info = await (await engine()).getContainer(id).inspect();
  const binding = info.NetworkSettings.Ports?.[`${containerPort}/tcp`]?.[0];
  if (!binding) throw new Error(`container ${info.Name} does not publish port ${containerPort} (is it running?)`);
  return Number(binding.HostPort);
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
