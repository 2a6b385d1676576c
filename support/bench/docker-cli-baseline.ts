// The baseline without the harness: the same containers started with the plain docker CLI in the same order (the
// members together, then the nodes and the gateway together), and the same steady state checked by hand, polling
// every 50 ms: `srvr` on every member until one leads and the others follow, one write through zkCli.sh, every
// node's /status until each is registered and exactly one leads, /gateway/status until it routes to all three.
// It shows what the harness's own machinery costs.
import { execFileSync, spawn, spawnSync, ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { runIdentity, LABEL, LABEL_RUN } from '../docker/run-identity';
import { now } from '../../containers/shared/deadline';
import { TimingProfile } from '../../containers/shared/timing-profile';
import { progress } from '../progress';
import { publishHost } from '../../containers/shared/engine';
import { addressPlan } from '../../containers/shared/address-plan';

const docker = (...args: string[]) => execFileSync('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function srvr(port: number): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    const s = connect({ host: publishHost(), port }, () => s.end('srvr'));
    s.setTimeout(1000, () => s.destroy());
    s.on('data', (d) => (out += d));
    s.on('error', () => resolve(''));
    s.on('close', () => resolve(out));
  });
}

async function until(what: string, probe: () => Promise<boolean>, withinMs: number): Promise<number> {
  const start = now();
  while (now() - start < withinMs) {
    if (await probe()) return now() - start;
    await sleep(50);
  }
  throw new Error(`baseline: ${what} not seen within ${withinMs} ms`);
}

/** One zkCli.sh session in its own container on the network, fed commands on stdin. */
class ZkCli {
  private output = '';
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d) => (this.output += d));
    child.stderr.on('data', () => undefined);
  }

  static start(image: string, network: string, connect: string, labels: string[]): ZkCli {
    return new ZkCli(spawn('docker', ['run', '-i', '--rm', ...labels, '--name', `${network}-zkcli`, '--network', network, '--entrypoint', '/usr/share/zookeeper/bin/zkCli.sh', image, '-server', connect]));
  }

  /** A write and a read back; true when the value comes back within a second. */
  async write(path: string): Promise<boolean> {
    const value = `w${randomBytes(4).toString('hex')}`;
    const mark = this.output.length;
    this.child.stdin.write(`create ${path} x\nset ${path} ${value}\nget ${path}\n`);
    const start = now();
    while (now() - start < 1000) {
      if (this.output.slice(mark).split('\n').some((l) => l.trim() === value)) return true;
      await sleep(20);
    }
    return false;
  }

  close(): void {
    this.child.stdin.end('quit\n');
    this.child.kill();
  }
}

export type BaselineFigures = Record<'ensembleReady' | 'fleetReady' | 'zkLeaderLossToWrites', number[]>;

/** `docker run -d` of each argument list at once; resolves when every one has exited 0. */
function runAll(runs: Record<string, string[]>): Promise<void> {
  return Promise.all(Object.entries(runs).map(([name, args]) => new Promise<void>((resolve, reject) => {
    const p = spawn('docker', ['run', '-d', ...args], { stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker run ${name} exited ${code}`))));
  }))).then(() => undefined);
}

function curlJson(url: string): Record<string, unknown> | null {
  try {
    return JSON.parse(execFileSync('curl', ['-s', '-m', '1', url]).toString());
  } catch {
    return null;
  }
}

export async function benchDockerCli(runs: number, images: { zookeeper: string; webNode: string; gateway: string }, timing: TimingProfile, firstRun = 1): Promise<BaselineFigures> {
  const figures: BaselineFigures = { ensembleReady: [], fleetReady: [], zkLeaderLossToWrites: [] };
  const labels = Object.entries(runIdentity().labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  for (let run = firstRun; run < firstRun + runs; run++) {
    progress(`bench (docker CLI baseline) run ${run}`);
    const net = `zkh-${runIdentity().runId}-baseline-${run}`;
    // As the harness does (fleet-network.ts): the engine's free subnet learnt, then given, so members get fixed
    // addresses and find each other from their hosts files (the image no longer waits for peers' DNS names).
    docker('network', 'create', ...labels, net);
    const plan = addressPlan(docker('network', 'inspect', net, '--format', '{{(index .IPAM.Config 0).Subnet}}'));
    docker('network', 'rm', net);
    docker('network', 'create', ...labels, '--subnet', plan.subnet, '--ip-range', plan.dynamicRange, net);
    let cli: ZkCli | undefined;
    try {
      const members = ['zk-1', 'zk-2', 'zk-3'];
      const hosts = members.flatMap((m, i) => ['--add-host', `${m}:${plan.fixed(i + 1)}`]);
      const start = now();
      await runAll(Object.fromEntries(members.map((m, i) => [m, [...labels, '--name', `${net}-${m}`, '--network', net, '--network-alias', m, '--ip', plan.fixed(i + 1), ...hosts, '-p', `${publishHost()}::2181`,
        '-e', `ZK_MY_ID=${i + 1}`, '-e', `ZK_SERVERS=${members.join(',')}`, '-e', `ZK_TICK_TIME=${timing.tickTimeMs}`,
        '-e', `ZK_INIT_LIMIT=${timing.initLimit}`, '-e', `ZK_SYNC_LIMIT=${timing.syncLimit}`, images.zookeeper]])));
      const ports = members.map((m) => Number(docker('port', `${net}-${m}`, '2181').split(':').pop()));
      const modes = async () => (await Promise.all(ports.map(srvr))).map((o) => /Mode: (\w+)/.exec(o)?.[1] ?? 'none');
      await until('one leader and two followers', async () => {
        const m = await modes();
        return m.filter((x) => x === 'leader').length === 1 && m.filter((x) => x === 'follower').length === 2;
      }, 60_000);
      figures.ensembleReady.push(now() - start);
      const connectString = members.map((m) => `${m}:2181`).join(',');
      cli = ZkCli.start(images.zookeeper, net, connectString, labels);
      // The three nodes and the gateway together, as the harness starts them.
      const nodes = ['node-1', 'node-2', 'node-3'];
      await runAll({
        ...Object.fromEntries(nodes.map((n) => [n, [...labels, '--name', `${net}-${n}`, '--network', net, '--network-alias', n, '-p', `${publishHost()}::8080`,
          '-e', `NODE_NAME=${n}`, '-e', `ZK_CONNECT=${connectString}`, '-e', `ZK_SESSION_TIMEOUT_MS=${timing.sessionTimeoutMs}`, images.webNode]])),
        gateway: [...labels, '--name', `${net}-gateway`, '--network', net, '--network-alias', 'gateway', '-p', `${publishHost()}::8080`,
          '-e', `ZK_CONNECT=${connectString}`, '-e', `ZK_SESSION_TIMEOUT_MS=${timing.sessionTimeoutMs}`, '-e', 'GATEWAY_PORT=8080',
          '-e', `BACKEND_ALLOWLIST=${nodes.join(',')}`, '-e', 'BACKEND_PORTS=8080', images.gateway],
      });
      await until('zkCli.sh to write', () => cli!.write('/bench'), 30_000);
      const url = (name: string, path: string) => `http://${publishHost()}:${docker('port', `${net}-${name}`, '8080').split(':').pop()}${path}`;
      const statusUrls = nodes.map((n) => url(n, '/status'));
      await until('three nodes registered, one leading', async () => {
        const statuses = statusUrls.map(curlJson);
        return statuses.every((st) => st?.registered === true) && statuses.filter((st) => st?.leader === true).length === 1;
      }, 60_000);
      const gatewayUrl = url('gateway', '/gateway/status');
      await until('the gateway routing to all three', async () => {
        const backends = (curlJson(gatewayUrl)?.backends as { node: string }[] | undefined) ?? [];
        return nodes.every((n) => backends.some((b) => b.node === n));
      }, 60_000);
      figures.fleetReady.push(now() - start);
      const leader = members[(await modes()).indexOf('leader')];
      docker('kill', `${net}-${leader}`);
      figures.zkLeaderLossToWrites.push(await until('a write after the leader was killed', () => cli!.write('/bench'), 30_000));
    } finally {
      cli?.close();
      // Only this baseline run's containers: the harness's fleet of the same run may still be going away.
      const ids = docker('ps', '-aq', '--filter', `label=${LABEL_RUN}=${runIdentity().runId}`, '--filter', `label=${LABEL}`, '--filter', `name=${net}-`).split('\n').filter(Boolean);
      // The zkCli container (--rm) may already be removing itself: "already in progress" is not a failure.
      if (ids.length) spawnSync('docker', ['rm', '-f', ...ids], { stdio: 'ignore' });
      docker('network', 'rm', net);
    }
  }
  return figures;
}
