// What one cucumber worker shares across its scenarios: timing profile, seed, the fleet pool and the
// recovery records. Created once per process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timingProfileFromEnv, TimingProfile } from '../timing/timing-profile';
import { SeededRandom } from '../fleet/seeded-random';
import { FleetPool } from '../fleet/fleet-pool';
import { RecoveryRecord } from '../report/recovery-record';
import { REPORTS_DIR } from '../report/reports-dir';
import { runIdentity } from '../docker/run-identity';

export { REPORTS_DIR };

class RunContext {
  readonly timing: TimingProfile = timingProfileFromEnv();
  readonly random = SeededRandom.fromEnv();
  readonly pool = new FleetPool(this.timing);
  readonly recoveries: RecoveryRecord[] = [];

  writeRecoveries(): void {
    const dir = join(REPORTS_DIR, 'parts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `recovery-${runIdentity().runId}.json`), JSON.stringify(this.recoveries, null, 2));
  }
}

export const runContext = new RunContext();
