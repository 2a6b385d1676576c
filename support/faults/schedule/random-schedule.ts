// Jepsen's randomized nemesis, as data: from a seed, a list of faults on ZooKeeper members, each on for a while
// and then healed, with quiet spells between, until the time asked is spent. The same seed gives the same
// schedule, so a run that found something can be replayed (ZKH_SEED).
import { SeededRandom } from '../../fleet/seeded-random';
import { SettingError } from '../../../containers/shared/errors';

/**
 * What the schedule may do, by the word a step lists: the fault kind for a ZooKeeper member and for a Jetty node
 * (a word without one never picks that kind of target). "partitions" isolates a member from the other members,
 * or cuts a node off from ZooKeeper.
 */
export const SCHEDULE_FAULTS = {
  kills: { member: 'kill', node: 'kill' },
  pauses: { member: 'pause', node: 'pause' },
  partitions: { member: 'isolate', node: 'cut-off' },
  isolations: { member: 'isolate' },
  'slow links': { member: 'latency' },
} as const satisfies Record<string, { member?: string; node?: string }>;

export type ScheduleWord = keyof typeof SCHEDULE_FAULTS;
export type ScheduledKind = 'kill' | 'pause' | 'isolate' | 'cut-off' | 'latency';

export interface ScheduledFault {
  /** When it starts, from the start of the schedule. */
  readonly atMs: number;
  readonly kind: ScheduledKind;
  /** The member or node it strikes. */
  readonly target: string;
  readonly on: 'member' | 'node';
  /** How long it stays on before it is healed. */
  readonly forMs: number;
}

export interface ScheduleOptions {
  readonly totalMs: number;
  /** A fault stays on for a time drawn in this range, ms. */
  readonly onMs: readonly [number, number];
  /** Then nothing happens for a time drawn in this range, ms, so the fleet can recover between faults. */
  readonly offMs: readonly [number, number];
}

export const DEFAULT_SCHEDULE: Omit<ScheduleOptions, 'totalMs'> = { onMs: [2000, 5000], offMs: [2000, 4000] };

/** A list of schedule words as a step writes it: "kills, pauses and partitions" (a cucumber parameter type). */
const WORD = `(?:${Object.keys(SCHEDULE_FAULTS).join('|')})`;
export const SCHEDULE_WORDS_PATTERN = new RegExp(`${WORD}(?:(?:, | and |, and )${WORD})*`);

/** The words a fleet-wide schedule uses when the step names none. */
export const FLEET_WORDS = 'kills, pauses and partitions';

/** "kills, pauses and isolations" → the words, in the order written; unknown words are refused by name. */
export function parseScheduleWords(text: string): ScheduleWord[] {
  const words = text.split(/,| and /).map((w) => w.trim()).filter(Boolean);
  const unknown = words.filter((w) => !(w in SCHEDULE_FAULTS));
  if (unknown.length || words.length === 0) {
    throw new SettingError(`A random schedule draws from ${Object.keys(SCHEDULE_FAULTS).join(', ')}; "${unknown.join('", "') || text}" is not one of them.`);
  }
  return words as ScheduleWord[];
}

/**
 * One fault at a time: on for a while, healed, a quiet spell; the last one ends by `totalMs`. Each fault draws a
 * word, then a target among the members and nodes that word can strike.
 */
export function randomSchedule(random: SeededRandom, words: readonly ScheduleWord[], targets: { members: readonly string[]; nodes?: readonly string[] }, options: ScheduleOptions): ScheduledFault[] {
  const usable = words.filter((w) => ('member' in SCHEDULE_FAULTS[w] && targets.members.length) || ('node' in SCHEDULE_FAULTS[w] && targets.nodes?.length));
  if (usable.length === 0) throw new SettingError('A random schedule needs at least one kind of fault and a member or node it can strike.');
  const between = ([lo, hi]: readonly [number, number]) => Math.round(lo + random.next() * (hi - lo));
  const schedule: ScheduledFault[] = [];
  let t = between(options.offMs) / 2;
  for (;;) {
    const forMs = between(options.onMs);
    if (t + forMs > options.totalMs) break;
    const word = random.pick(usable);
    const kinds = SCHEDULE_FAULTS[word] as { member?: ScheduledKind; node?: ScheduledKind };
    const candidates = [...(kinds.member ? targets.members.map((name) => ({ name, on: 'member' as const })) : []),
      ...(kinds.node ? (targets.nodes ?? []).map((name) => ({ name, on: 'node' as const })) : [])];
    const target = random.pick(candidates);
    schedule.push({ atMs: t, kind: kinds[target.on]!, target: target.name, on: target.on, forMs });
    t += forMs + between(options.offMs);
  }
  return schedule;
}
