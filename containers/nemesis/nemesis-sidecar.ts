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
    return new StartedNemesisSidecar(this.targetName, await this.startContainer());
  }

  /** The container alone: a fleet keeps one per target and hands each fault its own StartedNemesisSidecar on it. */
  startContainer(): Promise<StartedTestContainer> {
    return new GenericContainer(this.image)
      .withName(`zkh-${this.labels['zkharness.run'] ?? 'x'}-nemesis-${this.targetName}-${Date.now() % 100000}`)
      .withLabels({ ...this.labels, 'zkharness.role': 'nemesis', 'zkharness.target': this.targetName })
      .withNetworkMode(`container:${this.targetId}`)
      .withAddedCapabilities('NET_ADMIN')
      .start();
  }
}

export class StartedNemesisSidecar {
  private removed = false;
  private device: string | undefined;
  /** The NFQUEUE number of this sidecar's shaper, while one runs. */
  private queue: number | null = null;
  /** Every iptables rule this sidecar added (chain and match), removed one by one at heal: other faults' rules stay. */
  private readonly rules: string[][] = [];

  /**
   * One fault's use of a sidecar container: the rules, shaper and qdisc it adds are its own, and `release` says
   * what becomes of the container when the fault is healed (stopped, or kept for the next fault on this target).
   */
  constructor(readonly targetName: string, private readonly container: StartedTestContainer,
    private readonly release: () => Promise<unknown> = () => container.stop({ timeout: 0 })) {}

  private async run(command: string[]): Promise<void> {
    const result = await this.container.exec(command);
    if (result.exitCode !== 0) throw new Error(`nemesis on ${this.targetName}: \`${command.join(' ')}\` failed: ${result.output.trim()}`);
  }

  /** Drops packets between the target and each peer address, in the given direction(s). */
  async drop(peers: readonly string[], direction: 'both' | 'outbound' | 'inbound' = 'both'): Promise<void> {
    await this.addRules(peers.flatMap((ip) => [
      ...(direction !== 'inbound' ? [['OUTPUT', '-d', ip, '-j', 'DROP']] : []),
      ...(direction !== 'outbound' ? [['INPUT', '-s', ip, '-j', 'DROP']] : []),
    ]));
  }

  /** Drops a random share of packets to and from each peer (iptables statistic; no netem on this kernel). */
  async loss(peers: readonly string[], probability: number): Promise<void> {
    const chance = ['-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-j', 'DROP'];
    await this.addRules(peers.flatMap((ip) => [['OUTPUT', '-d', ip, ...chance], ['INPUT', '-s', ip, ...chance]]));
  }

  /** Limits the target's egress on the interface that holds `address` (tc tbf; the kernel here has no netem). */
  async limitBandwidth(address: string, kbitPerSecond: number): Promise<void> {
    const listing = (await this.container.exec(['ip', '-o', '-4', 'addr', 'show'])).output;
    const device = interfaceHolding(listing, address);
    if (!device) throw new Error(`nemesis on ${this.targetName}: no interface holds ${address}`);
    this.device = device;
    await this.run(['tc', 'qdisc', 'add', 'dev', device, 'root', 'tbf', 'rate', `${kbitPerSecond}kbit`, 'burst', '16kb', 'latency', '400ms']);
  }

  /**
   * Starts link-shaper (containers/nemesis/image/link-shaper.c) on NFQUEUE `queue` and hands it the packets of each
   * peer: arriving from it (`INPUT`, where delay, reordering and loss are applied: delaying a sender's own
   * packets would throttle its sockets) or leaving for it (`OUTPUT`, for duplication). Packets the shaper sends
   * itself carry mark 0x2 and are not queued again; --queue-bypass lets traffic through if the shaper dies.
   */
  async shape(peers: readonly string[], chain: 'INPUT' | 'OUTPUT', queue: number, shaperArgs: readonly string[]): Promise<void> {
    if (this.queue !== null) throw new Error(`nemesis on ${this.targetName}: a link shaper is already running`);
    const files = `/run/link-shaper-${queue}`;
    await this.run(['sh', '-c', `rm -f ${files}.stats; nohup link-shaper -q ${queue} -s ${files}.stats ${shaperArgs.join(' ')} > ${files}.log 2>&1 & echo $! > ${files}.pid`]);
    this.queue = queue;
    // The queue must be bound before a rule sends packets to it, or they pass unshaped (bypass).
    await this.run(['sh', '-c', `for i in $(seq 1 100); do grep -q "^link-shaper:" ${files}.log 2>/dev/null && exit 0; sleep 0.02; done; cat ${files}.log; exit 1`]);
    const peerFlag = chain === 'INPUT' ? '-s' : '-d';
    await this.addRules(peers.map((ip) => [chain, peerFlag, ip, '-m', 'mark', '!', '--mark', '0x2/0x2', '-j', 'NFQUEUE', '--queue-num', String(queue), '--queue-bypass']));
  }

  /** Round-trip times in ms of `count` pings to `peer`, one every `intervalMs` (lost ones are left out). */
  async pingTimes(peer: string, count: number, intervalMs: number, waitMs = 2000): Promise<number[]> {
    // -w: the whole run's deadline, so replies delayed by a fault are still waited for. -U: user-to-user time;
    // ping otherwise takes the reply's arrival time from the kernel, before an NFQUEUE rule held it.
    const deadlineS = Math.ceil((count * intervalMs + waitMs) / 1000);
    const r = await this.container.exec(['ping', '-n', '-U', '-c', String(count), '-i', String(intervalMs / 1000), '-w', String(deadlineS), peer]);
    return [...r.output.matchAll(/time=([\d.]+) ms/g)].map((m) => Number(m[1]));
  }

  /** What the shaper saw, once stopped (SIGTERM releases every packet it held), or null when none ran. */
  private async stopShaper(): Promise<string | null> {
    if (this.queue === null) return null;
    const files = `/run/link-shaper-${this.queue}`;
    this.queue = null;
    // The shaper writes its stats as it exits (it stays a zombie: the sidecar's PID 1 is `sleep`, which reaps nothing).
    // Its rules are gone already, so the link is healed whatever happens here: a shaper slow to exit on a loaded
    // machine (a CI run failed a heal on a 2 s wait) is waited for up to 10 s, then killed, and only its stats are lost.
    const waited = await this.container.exec(['sh', '-c', `kill -TERM $(cat ${files}.pid); end=$(( $(date +%s) + 10 )); ` +
      `while [ $(date +%s) -lt $end ]; do [ -s ${files}.stats ] && exit 0; sleep 0.05; done; kill -KILL $(cat ${files}.pid); exit 1`]);
    if (waited.exitCode !== 0) return `no stats: the shaper did not exit within 10 s of SIGTERM and was killed`;
    const stats = await this.container.exec(['cat', `${files}.stats`]);
    return stats.exitCode === 0 ? stats.output.trim() : null;
  }

  /** The shaper's last stats (JSON), read at heal. */
  shaperStats: string | null = null;

  /** The peers to whose port a TCP connection does not open within a second (from the target's namespace). */
  async reaches(peers: readonly string[], port: number): Promise<string[]> {
    // One exec for all peers, each tried at once: an exec costs ~100 ms here, a probe of an open port ~1 ms.
    // nc may say what it connected to, so only our own marker counts.
    const probes = peers.map((p) => `(nc -z -w 1 ${p} ${port} >/dev/null 2>&1 || echo unreachable:${p}) &`).join(' ');
    const r = await this.container.exec(['sh', '-c', `${probes} wait`]);
    return [...r.output.matchAll(/unreachable:(\S+)/g)].map((m) => m[1]!).filter((p) => peers.includes(p));
  }

  /** Adds rules in one exec (each exec costs ~100 ms here); on failure none of them stays. */
  private async addRules(rules: readonly string[][]): Promise<void> {
    if (!rules.length) return;
    try {
      await this.run(['sh', '-c', rules.map((rule) => `iptables -A ${rule.join(' ')}`).join(' && ')]);
      this.rules.push(...rules);
    } catch (e) {
      await this.container.exec(['sh', '-c', rules.map((rule) => `iptables -D ${rule.join(' ')} 2>/dev/null`).join('; ')]).catch(() => undefined);
      throw e;
    }
  }

  /** Removes a sidecar that changed nothing (a probe): no rule of any other sidecar is touched. */
  async remove(): Promise<void> {
    if (this.rules.length || this.queue !== null || this.device) return this.heal();
    this.removed = true;
    await this.release().catch(() => undefined);
  }

  /** Undo every rule; the rules live in the target's namespace, so they must be undone before the sidecar goes. */
  async heal(): Promise<void> {
    if (this.removed) return;
    // Rules first, so nothing is queued to a shaper that has gone; then the shaper releases what it holds.
    const rules = this.rules.splice(0);
    // Every rule gets its delete even if one fails; the exec fails if any did.
    if (rules.length) await this.run(['sh', '-c', `failed=0; ${rules.map((rule) => `iptables -D ${rule.join(' ')} || failed=1`).join('; ')}; exit $failed`]);
    this.shaperStats = await this.stopShaper();
    if (this.device) await this.run(['tc', 'qdisc', 'del', 'dev', this.device, 'root']);
    this.removed = true;
    await this.release().catch(() => undefined);
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
