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

/** The phrasing and arguments that strike one target, as cucumber would pass them. */
function stepFor(f: ScheduledFault, members: readonly string[]): { placeholder: string; args: unknown[] } {
  if (f.kind === 'latency') return { placeholder: '', args: [f.target, members.filter((m) => m !== f.target).join(', '), '200', undefined] };
  return { placeholder: f.on === 'member' ? '{member}' : '{node}', args: [{ kind: 'name', name: f.target }] };
}

export function describeScheduled(f: ScheduledFault): string {
  const what = { kill: 'killed', pause: 'paused', isolate: 'isolated from the other members', 'cut-off': 'cut off from ZooKeeper', latency: 'given 200 ms of latency to the others' }[f.kind];
  return `${f.target} ${what} at ${(f.atMs / 1000).toFixed(1)} s for ${(f.forMs / 1000).toFixed(1)} s`;
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
    const { placeholder, args } = stepFor(f, members);
    const phrasing = kind.phrasings.find((p) => String(p.pattern).startsWith(placeholder)) ?? kind.phrasings[0]!;
    await phrasing.apply(ctx, ...args);
    const applied = ctx.faults.active().filter((a) => !before.has(a));
    await wait(f.forMs);
    for (const a of applied.reverse()) await a.heal();
  }
}
