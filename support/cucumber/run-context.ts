// What one cucumber worker shares across its scenarios: timing profile, seed, the fleet pool and the
// recovery records. Created once per process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timingProfileFromEnv, TimingProfile } from '../../containers/shared/timing-profile';
import { SeededRandom } from '../fleet/seeded-random';
import { FleetPool } from '../fleet/fleet-pool';
import { RecoveryRecord } from '../report/recovery-record';
import { ScenarioTimeline } from '../report/scenario-timeline';
import { InvariantRow } from '../report/scenario-verdicts';
import { REPORTS_DIR } from '../report/reports-dir';
import { runIdentity } from '../docker/run-identity';
import { repairCounts } from '../../containers/gateway/service/zookeeper-client-guard';

export { REPORTS_DIR };

class RunContext {
  readonly timing: TimingProfile = timingProfileFromEnv();
  readonly random = SeededRandom.fromEnv();
  readonly pool = new FleetPool(this.timing);
  readonly recoveries: RecoveryRecord[] = [];
  readonly timelines: ScenarioTimeline[] = [];
  readonly invariants: InvariantRow[] = [];

  /** This worker's share of the run's reports; the runner merges every worker's parts. */
  writeRecoveries(): void {
    const dir = join(REPORTS_DIR, 'parts');
    mkdirSync(dir, { recursive: true });
    const id = runIdentity().runId;
    writeFileSync(join(dir, `recovery-${id}.json`), JSON.stringify(this.recoveries, null, 2));
    writeFileSync(join(dir, `timeline-${id}.json`), JSON.stringify(this.timelines));
    writeFileSync(join(dir, `invariants-${id}.json`), JSON.stringify(this.invariants, null, 2));
    writeFileSync(join(dir, `worker-${id}.json`), JSON.stringify({ runId: id, seed: this.random.seed, timing: this.timing, reuse: process.env.ZKH_REUSE !== '0', resetsMs: this.pool.resets.map(Math.round), zookeeperClientRepairs: repairCounts() }));
  }
}

export const runContext = new RunContext();
