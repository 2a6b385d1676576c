// The operator's side of /fleet/config: ACL-protected writes that retry through connection loss (so a change
// made right after a ZooKeeper leader loss still lands), deletes for resets, and raw publishes.
import { ZooKeeperSession } from '../../containers/zookeeper-client/zookeeper-session';
import { operatorAcl, OperatorCredentials } from '../../containers/zookeeper-client/digest-acl';
import { isNoAuth, codeOf } from '../../containers/zookeeper-client/zookeeper-errors';
import { CONFIG_PATH } from '../../containers/zookeeper-client/fleet-paths';
import * as zookeeper from 'node-zookeeper-client';
import { retry } from '../../containers/shared/deadline';
import { History } from '../history/history';

const MAX_ZNODE_BYTES = 1024 * 1024 - 1024; // ZooKeeper's jute.maxbuffer is 1 MB, less framing

export interface WrittenConfig {
  /** The znode's mzxid after the write: nodes report it back with a rejection. */
  readonly zxid: number;
  readonly attempts: number;
}

export function zxidOf(stat: zookeeper.Stat): number {
  return Number(stat.mzxid.readBigUInt64BE(0));
}

/** How a publish is recorded in the history: a config the nodes must apply, or one they must reject. */
export type PublishKind = 'write-config' | 'publish-malformed';

export class FleetConfigWriter {
  constructor(
    private readonly session: () => ZooKeeperSession,
    private readonly credentials: OperatorCredentials,
    private readonly history: () => History | undefined = () => undefined,
    /** Pause between attempts of a write. */
    private readonly retryPauseMs = 200,
  ) {}

  /**
   * Writes `content` as it is (valid or not); retries until `withinMs` through connection loss and timeouts.
   * Recorded in the scenario's history: ok when acknowledged, fail when refused, info when it gave up (an
   * attempt that timed out may still have landed).
   */
  async publish(content: string, withinMs: number, kind: PublishKind = 'write-config'): Promise<WrittenConfig> {
    const data = Buffer.from(content, 'utf8');
    const value = kind === 'write-config' ? { version: configVersionOf(content) } : { bytes: data.length };
    const complete = this.history()?.invoke('operator', kind, value);
    try {
      const written = await this.write(data, withinMs);
      complete?.('ok', { ...value, zxid: written.zxid, attempts: written.attempts });
      return written;
    } catch (e) {
      complete?.(/NO_AUTH|exceeds/.test((e as Error).message) ? 'fail' : 'info', { ...value, error: (e as Error).message });
      throw e;
    }
  }

  private async write(data: Buffer, withinMs: number): Promise<WrittenConfig> {
    if (data.length > MAX_ZNODE_BYTES) throw new Error(`a config of ${data.length} bytes exceeds ZooKeeper's 1 MB znode limit`);
    let attempts = 0;
    return retry(async (n) => {
      attempts = n;
      const zk = this.session();
      await zk.ensurePath('/fleet');
      let stat = await zk.exists(CONFIG_PATH);
      if (!stat) {
        await zk.create(CONFIG_PATH, data, operatorAcl(this.credentials)).catch(async (e: unknown) => {
          if (codeOf(e) !== zookeeper.Exception.NODE_EXISTS) throw e;
          await zk.setData(CONFIG_PATH, data);
        });
        stat = await zk.exists(CONFIG_PATH);
      } else {
        stat = await zk.setData(CONFIG_PATH, data);
      }
      if (!stat) throw new Error(`${CONFIG_PATH} vanished right after the write`);
      return { zxid: zxidOf(stat), attempts: n };
    }, {
      withinMs,
      pauseMs: this.retryPauseMs,
      // A refusal is final; connection loss and timeouts are what the retries are for.
      retryable: (e) => !isNoAuth(e),
      giveUp: (last) => new Error(`writing ${CONFIG_PATH} failed for ${withinMs} ms (${attempts} attempts); last error: ${(last as Error).message}`),
    }).catch((e: unknown) => {
      if (isNoAuth(e)) throw new Error(`the operator's write to ${CONFIG_PATH} was refused (NO_AUTH): its ACL is not the harness's`, { cause: e });
      throw e;
    });
  }

  /** Deletes the config (the fleet reset): nodes keep what they run and accept any version next. */
  async remove(): Promise<void> {
    const complete = this.history()?.invoke('operator', 'delete-config');
    try {
      await this.session().remove(CONFIG_PATH);
      complete?.('ok');
    } catch (e) {
      complete?.('info', { error: (e as Error).message });
      throw e;
    }
  }
}

/** Contract check of a config doc (the nodes validate for real; this only guards the harness's own writes). */
export function configVersionOf(content: string): number {
  const parsed = JSON.parse(content) as { version?: unknown };
  if (typeof parsed.version !== 'number' || !Number.isInteger(parsed.version)) throw new Error('the fleet config needs an integer "version"');
  return parsed.version;
}
