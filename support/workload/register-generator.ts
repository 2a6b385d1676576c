// What a register client does next (Jepsen's generator for a register): an equal, seeded mix of read, write v
// and compare-and-set v→w on one of the keys, values drawn from a small range so that compare-and-sets
// sometimes succeed and a stale read is likely to show a value that is no longer there.
import { SeededRandom } from '../fleet/seeded-random';
import { RegisterCall } from '../clients/register-client';

export interface RegisterMix {
  readonly keys: readonly string[];
  /** Values are 0 … values-1. */
  readonly values: number;
}

export const DEFAULT_MIX: RegisterMix = { keys: ['r0', 'r1', 'r2'], values: 10 };

export class RegisterGenerator {
  constructor(private readonly random: SeededRandom, private readonly mix: RegisterMix = DEFAULT_MIX) {
    if (mix.keys.length === 0) throw new Error('a register workload needs at least one key');
    if (!Number.isInteger(mix.values) || mix.values < 2) throw new Error(`a register workload needs at least 2 values, not ${mix.values}`);
  }

  next(): RegisterCall {
    const key = this.random.pick(this.mix.keys);
    const value = () => Math.floor(this.random.next() * this.mix.values);
    const kind = Math.floor(this.random.next() * 3);
    if (kind === 0) return { f: 'read', key };
    if (kind === 1) return { f: 'write', key, value: value() };
    return { f: 'cas', key, from: value(), to: value() };
  }
}

/** What the history records at invocation: the key and the values written or compared. */
export function invocationValue(call: RegisterCall): Record<string, unknown> {
  if (call.f === 'read') return { key: call.key };
  if (call.f === 'write') return { key: call.key, value: call.value };
  return { key: call.key, from: call.from, to: call.to };
}
