// Why a key's history is not linearizable, in a form a person can check by hand. Like Porcupine, report the
// longest partial linearization the search found and the operations that could not come next. At that prefix
// every call the search could try next (those called before the earliest pending return) is refused by the
// model: one it accepted would have made a longer prefix. So each of them is named with the state it met; for a
// read we also look for the plainer reason a person would give ("every write of 3 was over before 5 was written").
import { Evidence } from '../checker';
import { ms } from '../observer-gaps';
import { registerModel, RegisterOp, RegisterValue, showValue } from './register-model';

/** How many of the prefix's last operations a witness quotes. */
export const PREFIX_TAIL = 10;

export interface WitnessOp {
  readonly process: string;
  readonly f: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly invokeMs: number;
  /** null when the outcome is unknown. */
  readonly completeMs: number | null;
}

export interface RegisterWitness {
  readonly key: string;
  readonly opsOnKey: number;
  readonly prefixLength: number;
  /** The prefix's last operations (at most PREFIX_TAIL), in linearization order. */
  readonly prefixTail: readonly WitnessOp[];
  readonly stateAfterPrefix: RegisterValue;
  /** The operations that surely happened yet could not be placed after the prefix, each with one sentence why. */
  readonly unplaceable: readonly (WitnessOp & { readonly what: string; readonly why: string })[];
}

export function witnessOp(op: RegisterOp): WitnessOp {
  const i = op.input;
  const notSwapped = op.output?.swapped === false ? { swapped: false, found: op.output.found } : {};
  const value = i.f === 'read' ? { key: op.key, value: op.output?.value } : i.f === 'write' ? { key: op.key, value: i.value } : { key: op.key, from: i.from, to: i.to, ...notSwapped };
  return { process: op.process, f: op.f, value, invokeMs: op.callMs, completeMs: Number.isFinite(op.returnMs) ? op.returnMs : null };
}

const span = (op: RegisterOp) => `${Math.round(op.callMs)}–${Number.isFinite(op.returnMs) ? ms(op.returnMs) : '? ms'}`;
/** A CAS that returned false observed the register, as a read does; it wrote nothing. */
const notSwapped = (op: RegisterOp) => op.input.f === 'cas' && op.output?.swapped === false;
const writes = (op: RegisterOp, v: RegisterValue) => (op.input.f === 'write' && op.input.value === v) || (op.input.f === 'cas' && !notSwapped(op) && op.input.to === v);
/** What an observation saw: a read's value, or what a CAS that returned false found. */
const observed = (op: RegisterOp): RegisterValue | undefined => (op.input.f === 'read' ? op.output?.value : notSwapped(op) ? op.output?.found : undefined);

/** The plain reason a read of `v` cannot be placed, when there is one; '' when only the search can tell. */
export function staleReadReason(read: RegisterOp, ops: readonly RegisterOp[], failed: readonly RegisterOp[]): string {
  const v = observed(read);
  if (v === undefined) return '';
  const writers = ops.filter((o) => writes(o, v));
  const changers = ops.filter((o) => o.outcome === 'ok' && o.input.f !== 'read' && !notSwapped(o) && !writes(o, v));
  if (writers.length === 0) {
    if (v === null) {
      const first = changers.filter((w) => w.returnMs < read.callMs).sort((a, b) => a.returnMs - b.returnMs)[0];
      return first ? `; nothing deletes the znode, and ${registerModel.describeOp(first)} completed at ${ms(first.returnMs)}, before this ${read.input.f === 'read' ? 'read' : 'CAS'} began` : '';
    }
    const lost = failed.filter((o) => writes(o, v));
    return `; no write of ${showValue(v)} that may have taken effect was invoked on ${read.key}` + (lost.length ? ` (${registerModel.describeOp(lost[0]!)} at ${span(lost[0]!)} failed)` : '');
  }
  if (writers.every((w) => w.callMs > read.returnMs)) return `; every write of ${showValue(v)} began after this read completed (the first at ${ms(Math.min(...writers.map((w) => w.callMs)))})`;
  const lastEnd = Math.max(...writers.filter((w) => w.callMs <= read.returnMs).map((w) => w.returnMs));
  if (!Number.isFinite(lastEnd)) return '';
  const over = changers.filter((w) => w.callMs > lastEnd && w.returnMs < read.callMs).sort((a, b) => b.returnMs - a.returnMs)[0];
  return over ? `; every write of ${showValue(v)} was over by ${ms(lastEnd)}, before ${registerModel.describeOp(over)} began at ${ms(over.callMs)}, and that completed at ${ms(over.returnMs)}, before this ${read.input.f === 'read' ? 'read' : 'CAS'} began` : '';
}

/** The witness for one key whose search ended at `longest` (the longest linearizable prefix) in `stateAfter`. */
export function registerWitness(key: string, ops: readonly RegisterOp[], failed: readonly RegisterOp[], longest: readonly RegisterOp[], stateAfter: RegisterValue): RegisterWitness {
  const placed = new Set(longest);
  const rest = ops.filter((o) => !placed.has(o));
  const deadline = Math.min(...rest.filter((o) => o.outcome === 'ok').map((o) => o.returnMs));
  // Unknown ops may be left out, so they are never what is wrong; the ops that surely happened are.
  const next = rest.filter((o) => o.outcome === 'ok' && o.callMs <= deadline).sort((a, b) => a.returnMs - b.returnMs);
  const last = longest[longest.length - 1];
  const prefix = last ? `the longest linearizable prefix (${longest.length} of ${ops.length} ops, ending with ${registerModel.describeOp(last)} at ${span(last)})` : 'the start (no op could be placed first)';
  const unplaceable = next.map((op) => {
    const need = op.input.f === 'cas' && !notSwapped(op) ? ` (it needed ${showValue(op.input.from)})` : '';
    const plain = observed(op) !== undefined ? staleReadReason(op, ops, failed) : '';
    const why = `${registerModel.describeOp(op)} on ${key} at ${span(op)} cannot follow ${prefix}: the register then held ${registerModel.describeState(stateAfter)}${need}${plain}`;
    return { ...witnessOp(op), what: registerModel.describeOp(op), why };
  });
  return { key, opsOnKey: ops.length, prefixLength: longest.length, prefixTail: longest.slice(-PREFIX_TAIL).map(witnessOp), stateAfterPrefix: stateAfter, unplaceable };
}

export function witnessEvidence(w: RegisterWitness): Evidence[] {
  return w.unplaceable.map((u) => ({ atMs: u.invokeMs, ...(u.completeMs === null ? {} : { untilMs: u.completeMs }), participants: [u.process, w.key], detail: u.why }));
}
