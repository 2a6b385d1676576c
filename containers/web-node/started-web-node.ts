// A running web node: its URL where the engine publishes it (re-read after every start), its /status, and its lifecycle.
import { StartedTestContainer } from 'testcontainers';
import { StartedFleetContainer } from '../shared/started-fleet-container';
import { getJson } from '../shared/http-client';
import { publishHost } from '../shared/engine';

export const NODE_HTTP_PORT = 8080;

/** GET /status, as the fleet contract defines it. */
export interface NodeStatus {
  readonly node: string;
  readonly registered: boolean;
  readonly leader: boolean;
  readonly zk: 'CONNECTED' | 'SUSPENDED' | 'LOST' | 'RECONNECTED' | string;
  readonly configVersion: number;
  readonly rejected: { version: number | null; reason: string; at: string; zxid?: number } | null;
  /** The node's current ZooKeeper session (16 hex digits), null when it has none; absent from older images. */
  readonly session?: string | null;
  /** Random per process start: tells a restarted process from the same one. */
  readonly incarnation?: string;
  /** The node's wall clock (System.currentTimeMillis) when it answered; absent from older images. */
  readonly wallClockMs?: number;
}

export class StartedWebNode extends StartedFleetContainer {
  constructor(name: string, container: StartedTestContainer) {
    super(name, container, NODE_HTTP_PORT);
  }

  baseUrl(): string {
    return `http://${publishHost()}:${this.hostPort}`;
  }

  async status(timeoutMs = 1000): Promise<NodeStatus> {
    const answer = await getJson<NodeStatus>(`${this.baseUrl()}/status`, timeoutMs);
    if (answer.status !== 200) throw new Error(`${this.name} /status answered ${answer.status}`);
    return answer.body;
  }
}
