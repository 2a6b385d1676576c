// What one cucumber worker shares across its scenarios: timing profile, seed, the fleet pool and the
// recovery records. Created once per process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TimingProfile, timingProfile } from '../../containers/shared/timing-profile';
import { settings } from '../settings';
import { SeededRandom } from '../fleet/seeded-random';
import { FleetPool } from '../fleet/fleet-pool';
import { RecoveryRecord } from '../report/recovery-record';
import { ScenarioTimeline } from '../report/scenario-timeline';
import { InvariantRow } from '../report/scenario-verdicts';
import { runIdentity } from '../docker/run-identity';
import { useWorkerEngine } from '../docker/engines';
import { repairCounts } from '../../containers/zookeeper-client/zookeeper-client-guard';


class RunContext {
  private profile: TimingProfile = settings().timing;
  readonly random = SeededRandom.seeded(settings().seed);
  private fleetPool: FleetPool | undefined;
  readonly recoveries: RecoveryRecord[] = [];
  readonly timelines: ScenarioTimeline[] = [];
  readonly invariants: InvariantRow[] = [];

  get timing(): TimingProfile {
    return this.profile;
  }

  /** The fleets of this worker, reused across scenarios; made once the timing profile is settled. */
  get pool(): FleetPool {
    this.fleetPool ??= new FleetPool(this.profile, settings().reuse);
    return this.fleetPool;
  }

  /**
   * A cucumber profile may name a timing profile (`worldParameters.timingProfile`, as `nightly` does in
   * cucumber.js); ZKH_TIMING_PROFILE, when set, wins. Called before any fleet is made.
   */
  useProfile(name: unknown): void {
    if (typeof name !== 'string' || settings().timingProfileGiven) return;
    this.profile = timingProfile(name as TimingProfile['name'], this.profile.multiplier);
  }

  /** This worker's share of the run's reports; the runner merges every worker's parts. */
  writeRecoveries(): void {
    const dir = join(settings().reportsDir, 'parts');
    mkdirSync(dir, { recursive: true });
    const id = runIdentity().runId;
    writeFileSync(join(dir, `recovery-${id}.json`), JSON.stringify(this.recoveries, null, 2));
    writeFileSync(join(dir, `timeline-${id}.json`), JSON.stringify(this.timelines));
    writeFileSync(join(dir, `invariants-${id}.json`), JSON.stringify(this.invariants, null, 2));
    writeFileSync(join(dir, `worker-${id}.json`), JSON.stringify({ runId: id, engine: useWorkerEngine().dockerHost, seed: this.random.seed, timing: this.timing, reuse: settings().reuse, resets: this.pool.resets, builds: this.pool.builds, reshapes: this.pool.reshapes, zookeeperClientRepairs: repairCounts() }));
  }
}

export const runContext = new RunContext();
