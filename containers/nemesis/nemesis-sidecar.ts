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
  private device: string | undefined;

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

  /** Limits the target's egress on the interface that holds `address` (tc tbf; the kernel here has no netem). */
  async limitBandwidth(address: string, kbitPerSecond: number): Promise<void> {
    const listing = (await this.container.exec(['ip', '-o', '-4', 'addr', 'show'])).output;
    const device = interfaceHolding(listing, address);
    if (!device) throw new Error(`nemesis on ${this.targetName}: no interface holds ${address}`);
    this.device = device;
    await this.run(['tc', 'qdisc', 'add', 'dev', device, 'root', 'tbf', 'rate', `${kbitPerSecond}kbit`, 'burst', '16kb', 'latency', '400ms']);
  }

  /** True when a TCP connection to each peer's port opens within a second (from the target's namespace). */
  async reaches(peers: readonly string[], port: number): Promise<string[]> {
    const unreachable: string[] = [];
    for (const peer of peers) {
      const r = await this.container.exec(['nc', '-z', '-w', '1', peer, String(port)]);
      if (r.exitCode !== 0) unreachable.push(peer);
    }
    return unreachable;
  }

  /** Undo every rule; the rules live in the target's namespace, so they must be undone before the sidecar goes. */
  async heal(): Promise<void> {
    if (this.removed) return;
    await this.run(['iptables', '-F', 'INPUT']);
    await this.run(['iptables', '-F', 'OUTPUT']);
    if (this.device) await this.run(['tc', 'qdisc', 'del', 'dev', this.device, 'root']);
    this.removed = true;
    await this.container.stop({ timeout: 0 }).catch(() => undefined);
  }

}

/** From `ip -o -4 addr show` lines ("23: eth1    inet 192.168.0.4/20 brd ..."), the device holding `address`. */
export function interfaceHolding(listing: string, address: string): string | null {
  for (const line of listing.split('\n')) {
    const m = /^\d+:\s+(\S+)\s+inet\s+([\d.]+)\//.exec(line.trim());
    if (m && m[2] === address) return m[1];
  }
  return null;
}
