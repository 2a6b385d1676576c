// A ZooKeeper znode used as a read/write/compare-and-set register. The znode does not exist at first (null);
// the workloads never delete it, so once written it never reads null again. Values are JSON scalars compared
// strictly: 3 and "3" are different values, so a workload must record what it wrote and what it read alike.
import { Model, Operation, partitionByKey } from './model';

export type RegisterValue = string | number | boolean | null;

export type RegisterInput =
  | { readonly f: 'read' }
  | { readonly f: 'write'; readonly value: RegisterValue }
  /** Compare-and-set by value: an 'ok' completion means it took effect (the register held `from`). */
  | { readonly f: 'cas'; readonly from: RegisterValue; readonly to: RegisterValue };

/**
 * A read's output is the value it read. A write returns nothing beyond having happened. A CAS that took effect
 * returns nothing either; one that returned false (the register did not hold `from`) says what it found, as
 * Porcupine's CAS register does: it happened, as an observation, and must fit the order like a read.
 */
export interface RegisterOutput {
  readonly value?: RegisterValue;
  readonly swapped?: false;
  readonly found?: RegisterValue;
}

export type RegisterOp = Operation<RegisterInput, RegisterOutput>;

export function isRegisterValue(v: unknown): v is RegisterValue {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function showValue(v: RegisterValue | undefined): string {
  return v === undefined ? '?' : JSON.stringify(v);
}

export const registerModel: Model<RegisterValue, RegisterInput, RegisterOutput> = {
  name: 'znode register',
  init: () => null,
  step(state, input, output) {
    switch (input.f) {
      // An unknown read has no effect and says nothing: any state will do.
      case 'read': return { ok: output === undefined || output.value === state, next: state };
      case 'write': return { ok: true, next: input.value };
      // An unknown CAS that did not take effect is the same as leaving it out, which the search may do; so
      // whenever a CAS is placed, it is placed as having taken effect.
      case 'cas':
        if (output?.swapped === false) return { ok: state === output.found && state !== input.from, next: state };
        return { ok: state === input.from, next: input.to };
    }
  },
  // JSON keeps 3 and "3" apart, as the strict comparison in step does.
  hash: (state) => JSON.stringify(state),
  partition: partitionByKey,
  describeState: (state) => (state === null ? 'null (the znode did not exist)' : showValue(state)),
  describeOp(op) {
    const i = op.input;
    const cas = (from: RegisterValue, to: RegisterValue) => `cas ${showValue(from)}→${showValue(to)}${op.output?.swapped === false ? ` (not swapped: found ${showValue(op.output.found)})` : ''}`;
    const what = i.f === 'read' ? `read → ${showValue(op.output?.value)}` : i.f === 'write' ? `write ${showValue(i.value)}` : cas(i.from, i.to);
    return `${what} by ${op.process}${op.outcome === 'info' ? ' (outcome unknown)' : ''}`;
  },
};
