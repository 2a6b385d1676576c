// A fault sidecar in a target's network namespace (`--network container:<target>`, NET_ADMIN): it cuts the
// target's traffic with iptables, so the target's own image needs no iptables. The path from the host's
// published ports is never cut: rules name fleet-network peers only.
import { GenericContainer, StartedTestContainer } from 'testcontainers';

export class NemesisSidecar {
  private image = 'zkharness/nemesis:current';
  private labels: Record<string, string> = {};

  constructor(private readonly targetId: string, private readonly targetName: string) {}

  withImage(image: string): this { this.image = image; return this; }
  withLabels(labels: Record<string, string>): this { this.labels = { ...labels }; return this; }

  async start(): Promise<StartedNemesisSidecar> {
    const container = await new GenericContainer(this.image)
      .withName(`zkh-${this.labels['zkharness.run'] ?? 'x'}-nemesis-${this.targetName}-${Date.now() % 100000}`)
      .withLabels({ ...this.labels, 'zkharness.role': 'nemesis', 'zkharness.target': this.targetName })
      .withNetworkMode(`container:${this.targetId}`)
      .withAddedCapabilities('NET_ADMIN')
      .start();
    return new StartedNemesisSidecar(this.targetName, container);
  }
}

export class StartedNemesisSidecar {
  private removed = false;

  constructor(readonly targetName: string, private readonly container: StartedTestContainer) {}

  private async run(command: string[]): Promise<void> {
    const result = await this.container.exec(command);
    if (result.exitCode !== 0) throw new Error(`nemesis on ${this.targetName}: \`${command.join(' ')}\` failed: ${result.output.trim()}`);
  }

  /** Drops packets between the target and each peer address, in the given direction(s). */
  async drop(peers: readonly string[], direction: 'both' | 'outbound' | 'inbound' = 'both'): Promise<void> {
    for (const ip of peers) {
      if (direction !== 'inbound') await this.run(['iptables', '-A', 'OUTPUT', '-d', ip, '-j', 'DROP']);
      if (direction !== 'outbound') await this.run(['iptables', '-A', 'INPUT', '-s', ip, '-j', 'DROP']);
    }
  }

  /** Drops a random share of packets to and from each peer (iptables statistic; no netem on this kernel). */
  async loss(peers: readonly string[], probability: number): Promise<void> {
    for (const ip of peers) {
      await this.run(['iptables', '-A', 'OUTPUT', '-d', ip, '-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-j', 'DROP']);
      await this.run(['iptables', '-A', 'INPUT', '-s', ip, '-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-j', 'DROP']);
    }
  }

  /** Undo every rule; the rules live in the target's namespace, so they must be flushed before the sidecar goes. */
  async heal(): Promise<void> {
    if (this.removed) return;
    await this.run(['iptables', '-F', 'INPUT']);
    await this.run(['iptables', '-F', 'OUTPUT']);
    this.removed = true;
    await this.container.stop({ timeout: 0 }).catch(() => undefined);
  }
}
