// Ready when an HTTP path answers 200, asked every 50 ms. testcontainers' Wait.forHttp asks once a second (its
// interval is its read timeout), so a JVM ready after 1.1 s was seen at 2 s: up to a second lost per start.
import type Dockerode from 'dockerode';
import type { BoundPorts, WaitStrategy } from 'testcontainers';
import { eventually, now } from './deadline';
import { getJson } from './http-client';
import { containerState, publishHost } from './engine';

/** How often the path is asked; how often, at most, the engine is asked whether the container is still up. */
const POLL_MS = 50;
const STATE_EVERY_MS = 1000;

export class HttpReady implements WaitStrategy {
  private startupTimeoutMs = 60_000;
  private timeoutSet = false;

  /** `stateOf` asks the engine for a container's state (a test gives its own). */
  constructor(private readonly path: string, private readonly port: number, private readonly stateOf: (id: string) => Promise<string> = containerState) {}

  async waitUntilReady(container: Pick<Dockerode.Container, 'id'>, boundPorts: Pick<BoundPorts, 'getBinding'>): Promise<void> {
    const url = `http://${publishHost()}:${boundPorts.getBinding(this.port)}${this.path}`;
    let stateAskedAt = -Infinity;
    let ended: string | undefined;
    await eventually(`${url} to answer 200`, async () => {
      const answer = await getJson(url, 1000).catch((e: Error) => e);
      if (!(answer instanceof Error) && answer.status === 200) return { ok: true, seen: 'HTTP 200' };
      // A container that is no longer running will never answer: say so now rather than at the startup timeout.
      if (now() - stateAskedAt >= STATE_EVERY_MS) {
        stateAskedAt = now();
        const state = await this.stateOf(container.id);
        if (state !== 'running') ended = state;
      }
      return { ok: ended !== undefined, seen: answer instanceof Error ? answer.message : `HTTP ${answer.status}` };
    }, this.startupTimeoutMs, { pollMs: POLL_MS });
    if (ended !== undefined) throw new Error(`${url} never answered 200: the container is ${ended} (see its log)`);
  }

  withStartupTimeout(startupTimeoutMs: number): this {
    this.startupTimeoutMs = startupTimeoutMs;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.startupTimeoutMs;
  }
}
