// Jepsen's randomized nemesis, as data: from a seed, a list of faults on ZooKeeper members, each on for a while
// and then healed, with quiet spells between, until the time asked is spent. The same seed gives the same
// schedule, so a run that found something can be replayed (ZKH_SEED).
import { SeededRandom } from '../../fleet/seeded-random';
import { SettingError } from '../../../containers/shared/errors';

/** What the schedule may do to a member, named as a step would (the plural the step lists). */
export const SCHEDULE_FAULTS = {
  kills: 'kill',
  pauses: 'pause',
  isolations: 'isolate',
  'slow links': 'latency',
} as const;

export type ScheduleWord = keyof typeof SCHEDULE_FAULTS;
export type ScheduledKind = typeof SCHEDULE_FAULTS[ScheduleWord];

export interface ScheduledFault {
  /** When it starts, from the start of the schedule. */
  readonly atMs: number;
  readonly kind: ScheduledKind;
  readonly member: string;
  /** How long it stays on before it is healed. */
  readonly forMs: number;
}

export interface ScheduleOptions {
  readonly totalMs: number;
  /** A fault stays on for a time drawn in this range, ms. */
  readonly onMs: readonly [number, number];
  /** Then nothing happens for a time drawn in this range, ms, so the ensemble can recover between faults. */
  readonly offMs: readonly [number, number];
}

export const DEFAULT_SCHEDULE: Omit<ScheduleOptions, 'totalMs'> = { onMs: [2000, 5000], offMs: [2000, 4000] };

/** "kills, pauses and isolations" → the kinds, in the order written; unknown words are refused by name. */
export function parseScheduleWords(text: string): ScheduledKind[] {
  const words = text.split(/,| and /).map((w) => w.trim()).filter(Boolean);
  const unknown = words.filter((w) => !(w in SCHEDULE_FAULTS));
  if (unknown.length || words.length === 0) {
    throw new SettingError(`A random schedule draws from ${Object.keys(SCHEDULE_FAULTS).join(', ')}; "${unknown.join('", "') || text}" is not one of them.`);
  }
  return words.map((w) => SCHEDULE_FAULTS[w as ScheduleWord]);
}

/** One fault at a time: on for a while, healed, a quiet spell; the last one ends by `totalMs`. */
export function randomSchedule(random: SeededRandom, kinds: readonly ScheduledKind[], members: readonly string[], options: ScheduleOptions): ScheduledFault[] {
  if (kinds.length === 0 || members.length === 0) throw new SettingError('A random schedule needs at least one kind of fault and one member.');
  const between = ([lo, hi]: readonly [number, number]) => Math.round(lo + random.next() * (hi - lo));
  const schedule: ScheduledFault[] = [];
  let t = between(options.offMs) / 2;
  for (;;) {
    const forMs = between(options.onMs);
    if (t + forMs > options.totalMs) break;
    schedule.push({ atMs: t, kind: random.pick(kinds), member: random.pick(members), forMs });
    t += forMs + between(options.offMs);
  }
  return schedule;
}
