// Who owns a container: every container and network carries these labels, so a sweep can tell a dead
// run's leftovers (its runner process gone) from a live concurrent run's.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export const LABEL = 'zkharness';
export const LABEL_RUN = 'zkharness.run';
export const LABEL_PID = 'zkharness.pid';
export const LABEL_PID_START = 'zkharness.pid-start';
export const LABEL_HOST = 'zkharness.host';

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); guards against pid reuse. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export interface RunIdentity {
  readonly runId: string;
  readonly labels: Readonly<Record<string, string>>;
}

let current: RunIdentity | undefined;

/** One identity per runner process (each cucumber worker is its own run). */
export function runIdentity(): RunIdentity {
  if (!current) {
    const runId = `${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${randomBytes(3).toString('hex')}`;
    current = {
      runId,
      labels: {
        [LABEL]: 'true',
        [LABEL_RUN]: runId,
        [LABEL_PID]: String(process.pid),
        [LABEL_PID_START]: processStartTicks(process.pid) ?? 'unknown',
        [LABEL_HOST]: hostname(),
      },
    };
  }
  return current;
}

/** True when the labels name a runner process on this host that is still alive. */
export function ownerAlive(labels: Record<string, string>): boolean {
  if (labels[LABEL_HOST] !== hostname()) return true; // another host's engine user: never ours to judge
  const pid = Number(labels[LABEL_PID]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const start = processStartTicks(pid);
  return start !== null && start === labels[LABEL_PID_START];
}
