// A fault sidecar in a target's network namespace (`--network container:<target>`, NET_ADMIN): it cuts the
// target's traffic with iptables, so the target's own image needs no iptables. The path from the host's
// published ports is never cut: rules name fleet-network peers only. Its PID 1 is a shell reading commands on an
// open stdin (sidecar-shell.ts): the harness keeps one attached stream to it, not an exec per command.
import { GenericContainer, StartedTestContainer } from 'testcontainers';
import { SidecarShell } from './sidecar-shell';
import { batchCommand, deleteEachCommand } from './iptables-batch';

/** A container whose command is `sh` with stdin kept open, so a stream attached later can feed it. */
class ShellContainer extends GenericContainer {
  constructor(image: string) {
    super(image);
    this.createOpts.OpenStdin = true;
    this.createOpts.StdinOnce = false;
    this.createOpts.Tty = false;
  }
}

/** A running sidecar container and the shell attached to it; a fleet keeps one per target. */
export interface SidecarContainer {
  readonly container: StartedTestContainer;
  readonly shell: SidecarShell;
}

/** Lets go of the sidecar's shell and removes its container: the one way a sidecar goes, whoever holds it. */
export async function stopSidecar({ container, shell }: SidecarContainer): Promise<void> {
  shell.close();
  await container.stop({ timeout: 0 });
}

export class NemesisSidecar {
  private image = 'zkharness/nemesis:current';
  private labels: Record<string, string> = {};

  constructor(private readonly targetId: string, private readonly targetName: string) {}

  withImage(image: string): this { this.image = image; return this; }
  withLabels(labels: Record<string, string>): this { this.labels = { ...labels }; return this; }

  async start(): Promise<StartedNemesisSidecar> {
    const { container, shell } = await this.startContainer();
    return new StartedNemesisSidecar(this.targetName, container, shell);
  }

  /** The container and its shell alone: a fleet keeps one per target and hands each fault its own StartedNemesisSidecar on it. */
  async startContainer(): Promise<SidecarContainer> {
    const container = await new ShellContainer(this.image)
      .withName(`zkh-${this.labels['zkharness.run'] ?? 'x'}-nemesis-${this.targetName}-${Date.now() % 100000}`)
      .withLabels({ ...this.labels, 'zkharness.role': 'nemesis', 'zkharness.target': this.targetName })
      .withNetworkMode(`container:${this.targetId}`)
      .withAddedCapabilities('NET_ADMIN')
      .withEntrypoint(['sh'])
      .start();
    try {
      return { container, shell: await SidecarShell.attach(container.getId(), `the nemesis sidecar of ${this.targetName}`) };
    } catch (e) {
      await container.stop({ timeout: 0 }).catch(() => undefined);
      throw e;
    }
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
  constructor(readonly targetName: string, private readonly container: StartedTestContainer, private readonly shell: SidecarShell,
    private readonly release: () => Promise<unknown> = () => stopSidecar({ container, shell })) {}

  /** When the last command that changed the target's network returned (performance.now()), and how long it ran. */
  lastChange: { atMs: number; tookMs: number } | null = null;

  /** Runs one line of shell in the sidecar; fails, naming the command, unless it exits 0. */
  private async run(command: string): Promise<string> {
    const result = await this.shell.run(command);
    if (result.exitCode !== 0) throw new Error(`nemesis on ${this.targetName}: \`${command}\` failed: ${result.output.trim()}`);
    return result.output;
  }

  /** A command that changes the target's network: it took effect somewhere between its start and its return. */
  private async change(command: string): Promise<void> {
    const startedAt = performance.now();
    await this.run(command);
    const atMs = performance.now();
    this.lastChange = { atMs, tookMs: atMs - startedAt };
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
    const listing = await this.run('ip -o -4 addr show');
    const device = interfaceHolding(listing, address);
    if (!device) throw new Error(`nemesis on ${this.targetName}: no interface holds ${address}`);
    this.device = device;
    await this.change(`tc qdisc add dev ${device} root tbf rate ${kbitPerSecond}kbit burst 16kb latency 400ms`);
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
    await this.run(`rm -f ${files}.stats; link-shaper -q ${queue} -s ${files}.stats ${shaperArgs.join(' ')} > ${files}.log 2>&1 & echo $! > ${files}.pid`);
    this.queue = queue;
    // The queue must be bound before a rule sends packets to it, or they pass unshaped (bypass).
    await this.run(`for i in $(seq 1 100); do grep -q "^link-shaper:" ${files}.log 2>/dev/null && exit 0; sleep 0.02; done; cat ${files}.log; exit 1`);
    const peerFlag = chain === 'INPUT' ? '-s' : '-d';
    await this.addRules(peers.map((ip) => [chain, peerFlag, ip, '-m', 'mark', '!', '--mark', '0x2/0x2', '-j', 'NFQUEUE', '--queue-num', String(queue), '--queue-bypass']));
  }

  /** Round-trip times in ms of `count` pings to `peer`, one every `intervalMs` (lost ones are left out). */
  async pingTimes(peer: string, count: number, intervalMs: number, waitMs = 2000): Promise<number[]> {
    // -w: the whole run's deadline, so replies delayed by a fault are still waited for. -U: user-to-user time;
    // ping otherwise takes the reply's arrival time from the kernel, before an NFQUEUE rule held it.
    const deadlineS = Math.ceil((count * intervalMs + waitMs) / 1000);
    // An exec of its own, not the shell: a ping runs for seconds, and the shell serves one command at a time.
    const r = await this.container.exec(['ping', '-n', '-U', '-c', String(count), '-i', String(intervalMs / 1000), '-w', String(deadlineS), peer]);
    return [...r.output.matchAll(/time=([\d.]+) ms/g)].map((m) => Number(m[1]));
  }

  /** What the shaper saw, once stopped (SIGTERM releases every packet it held), or null when none ran. */
  private async stopShaper(): Promise<string | null> {
    if (this.queue === null) return null;
    const files = `/run/link-shaper-${this.queue}`;
    this.queue = null;
    // The shaper writes its stats as it exits (waiting for its exit would need the sidecar's PID 1, which started it).
    // Its rules are gone already, so the link is healed whatever happens here: a shaper slow to exit on a loaded
    // machine (a CI run failed a heal on a 2 s wait) is waited for up to 10 s, then killed, and only its stats are lost.
    const waited = await this.shell.run(`kill -TERM $(cat ${files}.pid); end=$(( $(date +%s) + 10 )); ` +
      `while [ $(date +%s) -lt $end ]; do [ -s ${files}.stats ] && exit 0; sleep 0.05; done; kill -KILL $(cat ${files}.pid); exit 1`);
    if (waited.exitCode !== 0) return `no stats: the shaper did not exit within 10 s of SIGTERM and was killed`;
    const stats = await this.shell.run(`cat ${files}.stats`);
    return stats.exitCode === 0 ? stats.output.trim() : null;
  }

  /** The shaper's last stats (JSON), read at heal. */
  shaperStats: string | null = null;

  /** The peers to whose port a TCP connection does not open within a second (from the target's namespace). */
  async reaches(peers: readonly string[], port: number): Promise<string[]> {
    // One command for all peers, each tried at once. nc may say what it connected to, so only our own marker counts.
    const probes = peers.map((p) => `(nc -z -w 1 ${p} ${port} >/dev/null 2>&1 || echo unreachable:${p}) &`).join(' ');
    const r = await this.shell.run(`${probes} wait`);
    return [...r.output.matchAll(/unreachable:(\S+)/g)].map((m) => m[1]!).filter((p) => peers.includes(p));
  }

  /** Adds rules in one transaction: all take effect at once, or none does. */
  private async addRules(rules: readonly string[][]): Promise<void> {
    if (!rules.length) return;
    await this.change(batchCommand('-A', rules));
    this.rules.push(...rules);
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
    // All in one transaction; if that fails (a rule already gone fails it whole), each rule gets its own delete
    // and the heal fails if any did.
    if (rules.length) await this.change(batchCommand('-D', rules)).catch(() => this.change(deleteEachCommand(rules)));
    this.shaperStats = await this.stopShaper();
    if (this.device) await this.change(`tc qdisc del dev ${this.device} root`);
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
