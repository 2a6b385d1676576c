// Configures a ZooKeeper ensemble of 3 or 5 members (zk-1..zk-5) on the run's network; `start()` returns a
// StartedZooKeeperEnsemble once exactly one member leads and the rest follow.
import { GenericContainer, Wait } from 'testcontainers';
import { fleetContainer } from '../shared/fleet-container-config';
import { SettingError } from '../shared/errors';
import { TimingProfile } from '../shared/timing-profile';
import { eventually, now } from '../shared/deadline';
import { StartedZooKeeperMember, CLIENT_PORT } from './zookeeper-member';
import { describeModes, roleCounts } from './four-letter-words';
import { StartedZooKeeperEnsemble } from './started-zookeeper-ensemble';

export class ZooKeeperEnsemble {
  private image = 'zkharness/zookeeper:current';
  private networkName = '';
  private labels: Record<string, string> = {};
  private memberAddress: (n: number) => string = () => { throw new Error('ZooKeeperEnsemble: withNetwork() first'); };

  constructor(private readonly size: number, private readonly timing: TimingProfile) {
    if (![1, 3, 5].includes(size)) throw new SettingError(`An ensemble has 1, 3 or 5 members, not ${size}.`);
  }

  withImage(image: string): this { this.image = image; return this; }
  /**
   * `memberAddress(n)`: zk-n's fixed address. A member then keeps its address across stops and starts, and every
   * member knows every other's from its hosts file: peers never ask DNS, whose answers change as members come and
   * go (a stopped member's name vanishes, and the JVM kept a failed lookup 10 s, or with that cache off retried a
   * dead peer's old address, which docker may have given to another member: 5-member resets took 5-15 s).
   */
  withNetwork(networkName: string, memberAddress: (n: number) => string): this {
    this.networkName = networkName;
    this.memberAddress = memberAddress;
    return this;
  }
  withLabels(labels: Record<string, string>): this { this.labels = { ...labels }; return this; }

  memberNames(): string[] {
    return Array.from({ length: this.size }, (_, i) => `zk-${i + 1}`);
  }

  async start(): Promise<StartedZooKeeperEnsemble> {
    const names = this.memberNames();
    const startedAt = now();
    // All members start at once: none can elect before a quorum of its peers is up, so the ensemble is ready in the
    // time of the slowest start rather than the sum.
    const members = await Promise.all(names.map(async (name, i) => {
      const container = await this.member(i + 1, name, names).start();
      return new StartedZooKeeperMember(i + 1, name, container);
    }));
    const ensemble = new StartedZooKeeperEnsemble(members, this.timing);
    const readyWithinMs = 60_000 * this.timing.multiplier;
    await eventually(`the ${this.size}-member ensemble to elect a leader`, async () => {
      const modes = await ensemble.modes();
      const { leaders, followers } = roleCounts(modes);
      return { ok: leaders === 1 && leaders + followers === this.size, seen: describeModes(modes) };
    }, readyWithinMs, { pollMs: 50 });
    ensemble.readyMs = now() - startedAt;
    return ensemble;
  }

  private member(id: number, name: string, all: string[]): GenericContainer {
    const t = this.timing;
    return fleetContainer(this.image, this.labels, this.networkName, name, { 'zkharness.role': 'zookeeper', 'zkharness.member': name }, this.memberAddress(id))
      .withExtraHosts(all.map((host, i) => ({ host, ipAddress: this.memberAddress(i + 1) })))
      .withExposedPorts(CLIENT_PORT)
      .withEnvironment({
        // Our image's settings...
        ZK_MY_ID: String(id), ZK_SERVERS: all.join(','),
        ZK_TICK_TIME: String(t.tickTimeMs), ZK_INIT_LIMIT: String(t.initLimit), ZK_SYNC_LIMIT: String(t.syncLimit),
        // ...and the official `zookeeper` image's, so ZKH_ZOOKEEPER_IMAGE=zookeeper:3.9 works unchanged.
        ZOO_MY_ID: String(id), ZOO_SERVERS: all.map((host, i) => `server.${i + 1}=${host}:2888:3888;${CLIENT_PORT}`).join(' '),
        ZOO_TICK_TIME: String(t.tickTimeMs), ZOO_INIT_LIMIT: String(t.initLimit), ZOO_SYNC_LIMIT: String(t.syncLimit),
        ZOO_4LW_COMMANDS_WHITELIST: 'srvr,ruok,mntr,stat,conf,isro,cons', ZOO_ADMINSERVER_ENABLED: 'false', ZOO_STANDALONE_ENABLED: 'true',
      })
      .withResourcesQuota({ memory: 0.375 })
      .withWaitStrategy(Wait.forLogMessage(/binding to port/i))
      .withStartupTimeout(60_000);
  }
}

export { CLIENT_PORT };
