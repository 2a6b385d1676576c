import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { FleetPool, resetKind } from './fleet-pool';
import { FleetSpec } from './fleet-spec';
import { StartedFleet } from './started-fleet';
import { History } from '../history/history';
import { TimingProfile, timingProfile } from '../../containers/shared/timing-profile';

// The pool's progress lines are for a run, not for the unit tests' output.
process.env.ZKH_QUIET ??= '1';

const small: FleetSpec = { zookeeperMembers: 3, webNodes: 3, gateway: false };
const withGateway: FleetSpec = { zookeeperMembers: 3, webNodes: 3, gateway: true };
/** Another ensemble size: no fleet of `small` can become one of these. */
const fiveMembers: FleetSpec = { zookeeperMembers: 5, webNodes: 0, gateway: false };

/** What the pool did, in order: builds, resets and stops of numbered fleets. */
class Fakes {
  readonly log: string[] = [];
  readonly restores: { fleet: number; withinMs: number; history: History | undefined }[] = [];
  resetFails = false;
  buildFails = false;
  reshapeFails = false;
  private built = 0;

  readonly build = async (spec: FleetSpec, timing: TimingProfile): Promise<StartedFleet> => {
    const id = ++this.built;
    this.log.push(`build ${id} (${spec.gateway ? 'gateway' : 'no gateway'}, ${timing.name})`);
    if (this.buildFails) throw new Error('Building the fleet failed: no engine');
    return this.fleet(id, spec);
  };

  /** Like the real reshape: a new fleet object around the old one's ensemble; on failure the old one is stopped. */
  readonly reshape = async (old: StartedFleet, spec: FleetSpec): Promise<StartedFleet> => {
    const id = ++this.built;
    this.log.push(`reshape ${idOf(old)} into ${id} (${spec.gateway ? 'gateway' : 'no gateway'}${spec.leaderPolicy ? `, ${spec.leaderPolicy}` : ''})`);
    if (this.reshapeFails) {
      await old.stop();
      throw new Error('Reshaping the fleet failed: node-1 did not start');
    }
    return this.fleet(id, spec);
  };

  private fleet(id: number, spec: FleetSpec): StartedFleet {
    const fleet = { id, spec, history: undefined as History | undefined, stop: async () => {
      this.log.push(`stop ${id}`);
    } };
    return fleet as unknown as StartedFleet;
  }

  readonly restore = async (fleet: StartedFleet, withinMs: number): Promise<{ broughtBack: string[] }> => {
    const id = idOf(fleet);
    this.log.push(`reset ${id}`);
    this.restores.push({ fleet: id, withinMs, history: fleet.history });
    if (this.resetFails) throw new Error('Waited 60000 ms for the fleet to be steady, but it did not happen');
    return { broughtBack: this.broughtBack };
  };
  broughtBack: string[] = [];

  pool(reuse = true, timing = timingProfile('fast')): FleetPool {
    return new FleetPool(timing, reuse, this.build, this.restore, this.reshape);
  }
}

const idOf = (fleet: StartedFleet) => (fleet as unknown as { id: number }).id;

describe('acquiring a fleet', () => {
  test('the first scenario gets a fresh fleet, with its history', async () => {
    const fakes = new Fakes();
    const h = new History();
    const fleet = await fakes.pool().acquire(small, h);
    assert.equal(idOf(fleet), 1);
    assert.equal(fleet.history, h);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)']);
  });

  test('the same spec reuses the fleet once its reset is verified, within the scaled deadline, into the new history', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool(true, timingProfile('debian-defaults', 1.5));
    const first = await pool.acquire(small, new History());
    const h2 = new History();
    const second = await pool.acquire({ ...small }, h2);
    assert.equal(second, first);
    assert.equal(second.history, h2);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, debian-defaults)', 'reset 1']);
    assert.deepEqual(fakes.restores, [{ fleet: 1, withinMs: 360_000, history: h2 }], 'the reset\'s operator writes go into the new scenario\'s history');
    assert.equal(pool.resets.length, 1);
    assert.ok(pool.resets[0]!.ms >= 0);
  });

  test('another ensemble size gets a fresh fleet; the old one is stopped before the new one is built', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    const other = await pool.acquire(fiveMembers);
    assert.equal(idOf(other), 2);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'stop 1', 'build 2 (no gateway, fast)']);
    assert.equal(pool.resets.length, 0);
  });

  test('another shape around as many members is reshaped from the fleet, not built; the leadership policy is part of the shape', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    const h = new History();
    const gated = await pool.acquire(withGateway, h);
    assert.equal(gated.history, h);
    await pool.acquire({ ...withGateway, leaderPolicy: 'session' });
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'reshape 1 into 2 (gateway)', 'reshape 2 into 3 (gateway, session)']);
    assert.deepEqual(pool.reshapes.map((r) => `${r.from} -> ${r.to}`), ['zk3-web3 -> zk3-web3-gw', 'zk3-web3-gw -> zk3-web3-gw-session-policy']);
    assert.equal(pool.builds.length, 1);
  });

  test('a reshape that fails (the old fleet then stopped) falls back to a fresh build', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    fakes.reshapeFails = true;
    const fresh = await pool.acquire(withGateway);
    assert.equal(pool.peek(), fresh);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'reshape 1 into 2 (gateway)', 'stop 1', 'build 3 (gateway, fast)']);
    assert.equal(pool.reshapes.length, 0);
  });

  test('a fleet left by a failed scenario, or any fleet with reuse off, is never reshaped', async () => {
    for (const [reuse, dirty] of [[true, true], [false, false]] as const) {
      const fakes = new Fakes();
      const pool = fakes.pool(reuse);
      await pool.acquire(small);
      if (dirty) pool.markDirty();
      await pool.acquire(withGateway);
      assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'stop 1', 'build 2 (gateway, fast)']);
    }
  });

  test('after a failed scenario (dirty) the fleet is replaced; the fresh one is trusted again', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    pool.markDirty();
    const fresh = await pool.acquire(small);
    assert.equal(idOf(fresh), 2);
    assert.equal(await pool.acquire(small), fresh);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'stop 1', 'build 2 (no gateway, fast)', 'reset 2']);
  });

  test('with reuse off every scenario gets a fresh fleet and no reset is tried', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool(false);
    await pool.acquire(small);
    await pool.acquire(small);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'stop 1', 'build 2 (no gateway, fast)']);
  });

  test('a reset that cannot be verified falls back to a fresh fleet, stopping the old one', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    fakes.resetFails = true;
    const h = new History();
    const fresh = await pool.acquire(small, h);
    assert.equal(idOf(fresh), 2);
    assert.equal(fresh.history, h);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'reset 1', 'stop 1', 'build 2 (no gateway, fast)']);
    assert.equal(pool.resets.length, 0, 'a failed reset is not counted as a reset');
  });

  test('a failed build leaves the pool empty (the old fleet already stopped), and the error is the build\'s', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    fakes.buildFails = true;
    await assert.rejects(pool.acquire(fiveMembers), { message: 'Building the fleet failed: no engine' });
    assert.equal(pool.peek(), undefined);
    await pool.release();
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'stop 1', 'build 2 (no gateway, fast)']);
  });
});

describe('letting a fleet go', () => {
  test('release() stops the fleet once and empties the pool', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    await pool.acquire(small);
    await pool.release();
    await pool.release();
    assert.equal(pool.peek(), undefined);
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'stop 1']);
  });

  test('abandon() forgets the fleet without stopping it (kept for a look after a failure); the next scenario builds anew', async () => {
    const fakes = new Fakes();
    const pool = fakes.pool();
    const kept = await pool.acquire(small);
    assert.equal(pool.peek(), kept);
    pool.abandon();
    assert.equal(pool.peek(), undefined);
    await pool.acquire(small);
    await pool.release();
    assert.deepEqual(fakes.log, ['build 1 (no gateway, fast)', 'build 2 (no gateway, fast)', 'stop 2']);
  });
});

test('a reset is named by what the scenario before it left: a container brought back outweighs a network heal', () => {
  assert.equal(resetKind(undefined, { broughtBack: [] }), 'nothing');
  assert.equal(resetKind({ families: ['config'], healMs: 0 }, { broughtBack: [] }), 'nothing');
  assert.equal(resetKind({ families: ['network'], healMs: 80 }, { broughtBack: [] }), 'network');
  assert.equal(resetKind({ families: ['network', 'container'], healMs: 80 }, { broughtBack: [] }), 'container');
  assert.equal(resetKind({ families: ['network'], healMs: 80 }, { broughtBack: ['zk-2'] }), 'container');
  assert.equal(resetKind({ families: ['clock'], healMs: 5 }, { broughtBack: [] }), 'other');
});

test('each reset is recorded with its kind, its heal and its restore time, and leftovers count once', async () => {
  const f = new Fakes();
  const pool = f.pool();
  await pool.acquire(small);
  pool.noteLeftovers({ families: ['network'], healMs: 120 });
  await pool.acquire(small);
  f.broughtBack = ['node-2'];
  await pool.acquire(small);
  assert.deepEqual(pool.resets.map((r) => r.kind), ['network', 'container']);
  assert.equal(pool.resets[0]!.healMs, 120);
  assert.equal(pool.resets[1]!.healMs, 0, 'the network heal belonged to the reset before');
  assert.ok(pool.resets.every((r) => r.ms === r.healMs + r.restoreMs || Math.abs(r.ms - (r.healMs + r.restoreMs)) <= 1));
});
