// One started ensemble member: its names, its host port (re-read after every start) and its lifecycle.
import { StartedTestContainer } from 'testcontainers';
import { StartedFleetContainer } from '../shared/started-fleet-container';
import { MemberMode, memberMode } from './four-letter-words';
import { publishHost } from '../shared/engine';

export const CLIENT_PORT = 2181;

export class StartedZooKeeperMember extends StartedFleetContainer {
  constructor(readonly id: number, name: string, container: StartedTestContainer) {
    super(name, container, CLIENT_PORT);
  }

  /** <publish host>:<port> as the harness reaches it (127.0.0.1 on a local engine). */
  hostAddress(): string {
    return `${publishHost()}:${this.hostPort}`;
  }

  /** In-network address, for fleet containers. */
  networkAddress(): string {
    return `${this.name}:${CLIENT_PORT}`;
  }

  /** `srvr` on the published port without asking the engine first (for observers polling every 50 ms). */
  probeMode(timeoutMs = 1000): Promise<MemberMode> {
    return memberMode(publishHost(), this.hostPort, timeoutMs);
  }

  async mode(timeoutMs = 1000): Promise<MemberMode> {
    if ((await this.actions.state()) !== 'running') return 'unreachable';
    return memberMode(publishHost(), this.hostPort, timeoutMs);
  }
}
