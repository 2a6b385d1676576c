// Runs a random schedule (random-schedule.ts) with the fault kinds' own phrasings, as steps would: each fault
// is applied, recorded in the FaultLog and the history, left on for its time, then healed through its own
// inverse; the next starts after a quiet spell. The schedule's times are the point of it, so its waits are
// plain timers, each bounded by the schedule.
import { FaultContext } from '../fault-kind';
import { FAULT_KINDS } from '../fault-kinds';
import { ActiveFault } from '../fault';
import { ScheduledFault } from './random-schedule';
import { now } from '../../../containers/shared/deadline';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The arguments a kind's first phrasing takes for one member, as cucumber would pass them. */
function argumentsFor(f: ScheduledFault, members: readonly string[]): unknown[] {
  if (f.kind === 'latency') return [f.member, members.filter((m) => m !== f.member).join(', '), '200', undefined];
  return [{ kind: 'name', name: f.member }];
}

export function describeScheduled(f: ScheduledFault): string {
  const what = { kill: 'killed', pause: 'paused', isolate: 'isolated from the other members', latency: 'given 200 ms of latency to the others' }[f.kind];
  return `${f.member} ${what} at ${(f.atMs / 1000).toFixed(1)} s for ${(f.forMs / 1000).toFixed(1)} s`;
}

/** Runs the schedule; `progress` hears each fault as it starts. Healing errors stop the schedule. */
export async function runSchedule(ctx: FaultContext, schedule: readonly ScheduledFault[], progress: (line: string) => void): Promise<void> {
  const members = ctx.fleet.ensemble.members.map((m) => m.name);
  const start = now();
  for (const f of schedule) {
    await wait(start + f.atMs - now());
    const kind = FAULT_KINDS.find((k) => k.kind === f.kind);
    if (!kind) throw new Error(`the schedule names a fault kind that does not exist: ${f.kind}`);
    const before = new Set<ActiveFault>(ctx.faults.active());
    progress(`nemesis: ${describeScheduled(f)}`);
    await kind.phrasings[0]!.apply(ctx, ...argumentsFor(f, members));
    const applied = ctx.faults.active().filter((a) => !before.has(a));
    await wait(f.forMs);
    for (const a of applied.reverse()) await a.heal();
  }
}
