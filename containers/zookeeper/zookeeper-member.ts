// One started ensemble member: its names, its host port (re-read after every start) and its lifecycle.
import { StartedTestContainer } from 'testcontainers';
import { StartedFleetContainer } from '../shared/started-fleet-container';
import { MemberMode, memberMode } from './four-letter-words';

export const CLIENT_PORT = 2181;

export class StartedZooKeeperMember extends StartedFleetContainer {
  constructor(readonly id: number, name: string, container: StartedTestContainer) {
    super(name, container, CLIENT_PORT);
  }

  /** 127.0.0.1:<port> as the harness reaches it. */
  hostAddress(): string {
    return `127.0.0.1:${this.hostPort}`;
  }

  /** In-network address, for fleet containers. */
  networkAddress(): string {
    return `${this.name}:${CLIENT_PORT}`;
  }

  /** `srvr` on the published port without asking the engine first (for observers polling every 50 ms). */
  probeMode(timeoutMs = 1000): Promise<MemberMode> {
    return memberMode('127.0.0.1', this.hostPort, timeoutMs);
  }

  async mode(timeoutMs = 1000): Promise<MemberMode> {
    if ((await this.actions.state()) !== 'running') return 'unreachable';
    return memberMode('127.0.0.1', this.hostPort, timeoutMs);
  }
}
