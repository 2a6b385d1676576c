import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as zookeeper from 'node-zookeeper-client';
import { FleetConfigWriter, configVersionOf, zxidOf } from './fleet-config';
import { History } from '../history/history';
import { OpEvent } from '../history/events';

type Session = ReturnType<ConstructorParameters<typeof FleetConfigWriter>[0]>;
const credentials = { user: 'operator', password: 's3cret' };

// Errors as node-zookeeper-client makes them (an Exception with getCode()), and the session's own timeout.
const zkError = (code: number, path = '/fleet/config'): Error =>
  (zookeeper.Exception as unknown as { create(code: number, path?: string): Error }).create(code, path);
const connectionLoss = () => zkError(zookeeper.Exception.CONNECTION_LOSS);
const noAuth = () => zkError(zookeeper.Exception.NO_AUTH);
const nodeExists = () => zkError(zookeeper.Exception.NODE_EXISTS);
const opTimeout = (op: string) => new Error(`ZooKeeper ${op} /fleet/config got no answer within 2000 ms`);

const statOf = (zxid: number) => {
  const mzxid = Buffer.alloc(8);
  mzxid.writeBigUInt64BE(BigInt(zxid));
  return { mzxid } as unknown as zookeeper.Stat;
};

/** A ZooKeeper with /fleet/config in memory; `failures` are thrown, in order, by the next operations. */
class FakeZooKeeper {
  readonly calls: string[] = [];
  readonly failures: (Error | undefined)[] = [];
  /** Once `failures` are used up: the error every further operation throws (none by default). */
  failingWith: (() => Error) | undefined;
  config: { data: Buffer; zxid: number; acl?: zookeeper.ACL[] } | null = null;
  /** Set by a test to let another writer create the znode between our exists and our create. */
  raceCreate = false;
  private zxid = 100;

  private step(call: string): void {
    this.calls.push(call);
    const failure = this.failures.length ? this.failures.shift() : this.failingWith?.();
    if (failure) throw failure;
  }

  async ensurePath(path: string) { this.step(`ensurePath ${path}`); }
  async exists(path: string) {
    this.step(`exists ${path}`);
    return this.config ? statOf(this.config.zxid) : null;
  }
  async create(path: string, data: Buffer, acl?: zookeeper.ACL[]) {
    this.step(`create ${path}`);
    if (this.raceCreate) this.config = { data: Buffer.from('{"version":0}'), zxid: ++this.zxid };
    if (this.config) throw nodeExists();
    this.config = { data, zxid: ++this.zxid, acl };
    return path;
  }
  async setData(path: string, data: Buffer) {
    this.step(`setData ${path}`);
    if (!this.config) throw zkError(zookeeper.Exception.NO_NODE);
    this.config = { ...this.config, data, zxid: ++this.zxid };
    return statOf(this.config.zxid);
  }
  async remove(path: string) {
    this.step(`remove ${path}`);
    this.config = null;
  }
}

const writerOn = (zk: FakeZooKeeper, history?: History, pauseMs = 1) =>
  new FleetConfigWriter(() => zk as unknown as Session, credentials, () => history, pauseMs);

const ops = (h: History) => h.events().filter((e): e is OpEvent => e.kind === 'op').map((e) => ({ type: e.type, process: e.process, f: e.f, value: e.value }));

describe('publishing the fleet config', () => {
  test('a first write creates /fleet/config that anyone may read and only the operator may change', async () => {
    const zk = new FakeZooKeeper();
    const written = await writerOn(zk).publish('{"version":1}', 1000);
    assert.deepEqual(written, { zxid: 101, attempts: 1 });
    assert.equal(zk.config?.data.toString('utf8'), '{"version":1}');
    assert.deepEqual(zk.calls, ['ensurePath /fleet', 'exists /fleet/config', 'create /fleet/config', 'exists /fleet/config']);
    const digest = `operator:${createHash('sha1').update('operator:s3cret').digest('base64')}`;
    assert.deepEqual(zk.config?.acl, [
      new zookeeper.ACL(zookeeper.Permission.READ, new zookeeper.Id('world', 'anyone')),
      new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('digest', digest)),
    ]);
  });

  test('an existing config is overwritten and the zxid is the new one\'s', async () => {
    const zk = new FakeZooKeeper();
    const writer = writerOn(zk);
    await writer.publish('{"version":1}', 1000);
    const second = await writer.publish('{"version":2}', 1000);
    assert.deepEqual(second, { zxid: 102, attempts: 1 });
    assert.equal(zk.config?.data.toString('utf8'), '{"version":2}');
  });

  test('another writer creating it first turns the create into an overwrite, in the same attempt', async () => {
    const zk = new FakeZooKeeper();
    zk.raceCreate = true;
    const written = await writerOn(zk).publish('{"version":3}', 1000);
    assert.equal(written.attempts, 1);
    assert.equal(zk.config?.data.toString('utf8'), '{"version":3}');
    assert.equal(written.zxid, zk.config?.zxid);
  });

  test('a write retries through connection loss and timeouts until it lands, and counts its attempts', async () => {
    const zk = new FakeZooKeeper();
    zk.failures.push(connectionLoss(), undefined, opTimeout('exists'), connectionLoss());
    const h = new History();
    const written = await writerOn(zk, h).publish('{"version":4}', 5000);
    assert.equal(written.attempts, 4);
    assert.equal(zk.config?.data.toString('utf8'), '{"version":4}');
    assert.deepEqual(ops(h), [
      { type: 'invoke', process: 'operator', f: 'write-config', value: { version: 4 } },
      { type: 'ok', process: 'operator', f: 'write-config', value: { version: 4, zxid: written.zxid, attempts: 4 } },
    ]);
  });

  test('each attempt asks for the operator\'s session again, so a replaced session is the one written through', async () => {
    const lost = new FakeZooKeeper();
    lost.failures.push(connectionLoss(), connectionLoss(), connectionLoss());
    const fresh = new FakeZooKeeper();
    const sessions = [lost, fresh];
    let asked = 0;
    const writer = new FleetConfigWriter(() => sessions[Math.min(asked++, 1)] as unknown as Session, credentials, undefined, 1);
    assert.equal((await writer.publish('{"version":5}', 5000)).attempts, 2);
    assert.equal(fresh.config?.data.toString('utf8'), '{"version":5}');
    assert.equal(lost.config, null);
  });

  test('NO_AUTH is not retried: one attempt, one sentence, recorded as fail', async () => {
    const zk = new FakeZooKeeper();
    zk.failures.push(undefined, undefined, noAuth());
    const h = new History();
    await assert.rejects(writerOn(zk, h).publish('{"version":6}', 5000),
      { message: 'the operator\'s write to /fleet/config was refused (NO_AUTH): its ACL is not the harness\'s' });
    assert.deepEqual(zk.calls, ['ensurePath /fleet', 'exists /fleet/config', 'create /fleet/config']);
    assert.deepEqual(ops(h).map((o) => [o.type, o.f, o.value]), [
      ['invoke', 'write-config', { version: 6 }],
      ['fail', 'write-config', { version: 6, error: 'the operator\'s write to /fleet/config was refused (NO_AUTH): its ACL is not the harness\'s' }],
    ]);
  });

  test('past its deadline a write gives up in one sentence with the last error, recorded as info (it may have landed)', async () => {
    const zk = new FakeZooKeeper();
    zk.failingWith = connectionLoss;
    const h = new History();
    const started = Date.now();
    const error = await writerOn(zk, h, 5).publish('{"version":7}', 80).then(() => assert.fail('the write landed'), (e: Error) => e);
    assert.ok(Date.now() - started >= 80, 'it kept trying until the deadline');
    const m = /^writing \/fleet\/config failed for 80 ms \((\d+) attempts\); last error: Exception: CONNECTION_LOSS\[-4\]@\/fleet\/config$/.exec(error.message);
    assert.ok(m, error.message);
    assert.ok(Number(m[1]) > 1, 'it retried');
    assert.equal(Number(m[1]), zk.calls.length, 'one attempt per failed call');
    assert.deepEqual(ops(h).map((o) => [o.type, o.f, o.value]), [
      ['invoke', 'write-config', { version: 7 }],
      ['info', 'write-config', { version: 7, error: error.message }],
    ]);
  });

  test('by default the pause between attempts is 200 ms', async () => {
    const zk = new FakeZooKeeper();
    zk.failures.push(connectionLoss());
    const writer = new FleetConfigWriter(() => zk as unknown as Session, credentials);
    const started = Date.now();
    assert.equal((await writer.publish('{"version":8}', 5000)).attempts, 2);
    const took = Date.now() - started;
    assert.ok(took >= 190 && took < 1000, `took ${took} ms`);
  });

  test('a config over ZooKeeper\'s 1 MB znode limit is refused without a write, recorded as fail', async () => {
    const zk = new FakeZooKeeper();
    const h = new History();
    const content = JSON.stringify({ version: 9, padding: 'x'.repeat(1024 * 1024) });
    const sentence = `a config of ${Buffer.byteLength(content)} bytes exceeds ZooKeeper's 1 MB znode limit`;
    await assert.rejects(writerOn(zk, h).publish(content, 5000), { message: sentence });
    assert.deepEqual(zk.calls, []);
    assert.deepEqual(ops(h).map((o) => [o.type, o.value]), [['invoke', { version: 9 }], ['fail', { version: 9, error: sentence }]]);
  });

  test('a malformed publish is written as it is and recorded by its size, not a version', async () => {
    const zk = new FakeZooKeeper();
    const h = new History();
    const written = await writerOn(zk, h).publish('{"version": oops', 1000, 'publish-malformed');
    assert.equal(zk.config?.data.toString('utf8'), '{"version": oops');
    assert.deepEqual(ops(h).map((o) => [o.type, o.f, o.value]), [
      ['invoke', 'publish-malformed', { bytes: 16 }],
      ['ok', 'publish-malformed', { bytes: 16, zxid: written.zxid, attempts: 1 }],
    ]);
  });

  test('a config without an integer version is the harness\'s mistake: nothing is written or recorded', async () => {
    const zk = new FakeZooKeeper();
    const h = new History();
    await assert.rejects(writerOn(zk, h).publish('{"version":"2"}', 1000), { message: 'the fleet config needs an integer "version"' });
    assert.deepEqual(zk.calls, []);
    assert.deepEqual(ops(h), []);
  });

  test('without a history the write still lands', async () => {
    const zk = new FakeZooKeeper();
    const writer = new FleetConfigWriter(() => zk as unknown as Session, credentials, undefined, 1);
    assert.equal((await writer.publish('{"version":10}', 1000)).attempts, 1);
  });
});

describe('deleting the fleet config (the reset)', () => {
  test('a delete is recorded as invoke then ok', async () => {
    const zk = new FakeZooKeeper();
    const h = new History();
    const writer = writerOn(zk, h);
    await writer.publish('{"version":1}', 1000);
    await writer.remove();
    assert.equal(zk.config, null);
    assert.deepEqual(ops(h).slice(2).map((o) => [o.type, o.process, o.f]), [['invoke', 'operator', 'delete-config'], ['ok', 'operator', 'delete-config']]);
  });

  test('a delete that fails is not retried: it is recorded as info with the error, and thrown', async () => {
    const zk = new FakeZooKeeper();
    zk.failures.push(connectionLoss());
    const h = new History();
    await assert.rejects(writerOn(zk, h).remove(), { message: 'Exception: CONNECTION_LOSS[-4]@/fleet/config' });
    assert.deepEqual(zk.calls, ['remove /fleet/config']);
    assert.deepEqual(ops(h).map((o) => [o.type, o.f, o.value]), [
      ['invoke', 'delete-config', undefined],
      ['info', 'delete-config', { error: 'Exception: CONNECTION_LOSS[-4]@/fleet/config' }],
    ]);
  });
});

test('configVersionOf: the integer version, else one sentence (and JSON\'s own error for non-JSON)', () => {
  assert.equal(configVersionOf('{"version":3,"other":true}'), 3);
  assert.equal(configVersionOf('{"version":0}'), 0);
  for (const content of ['{}', '{"version":"3"}', '{"version":1.5}', '{"version":null}', '[]', '3']) {
    assert.throws(() => configVersionOf(content), { message: 'the fleet config needs an integer "version"' }, content);
  }
  assert.throws(() => configVersionOf('{"version":'), SyntaxError);
});

test('zxidOf reads the 64-bit mzxid', () => {
  const mzxid = Buffer.alloc(8);
  mzxid.writeBigUInt64BE(0x1_0000_0002n);
  assert.equal(zxidOf({ mzxid } as unknown as zookeeper.Stat), 0x1_0000_0002);
});
