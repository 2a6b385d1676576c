// The register operations of a history, paired invocation with completion by `id` (Jepsen's history shape):
//   invoke {key}                 read     ok {key, value: <value read, null when the znode did not exist>}
//   invoke {key, value}          write    ok (value ignored)
//   invoke {key, from, to}       cas      ok (it took effect)
//                                         | ok {swapped: false, found} (it returned false: the register held `found`)
//                                         | fail (it did not take effect, and says nothing of the value)
// A completion 'fail' surely did not happen and is left out of the search (kept to explain witnesses). An
// 'info' completion, or none before the history ends, is unknown: the op gets return time +Infinity and may
// be placed anywhere after its call or left out (Porcupine and Knossos do the same). An unknown read is
// dropped: it changes nothing and its answer is unknown. An op with one of these `f`s but no string `value.key`
// is not a register op (another workload's) and is ignored; one with a key but values that do not parse is
// malformed, and kept aside so the verdict can say the record has a hole.
import { HistoryEvent, OpEvent } from '../../history/events';
import { isRegisterValue, RegisterInput, RegisterOp, RegisterOutput } from './register-model';

export const REGISTER_FS: readonly string[] = ['read', 'write', 'cas'];

export interface RegisterHistory {
  /** The operations to linearize: 'ok' ones, and unknown writes and CAS. */
  readonly ops: RegisterOp[];
  /** Operations that surely did not happen; never searched, only cited ("the only write of 3 failed"). */
  readonly failed: RegisterOp[];
  readonly counts: {
    ok: number; fail: number; info: number;
    /** Invoked but never completed before the history ended: counted as info. */
    incomplete: number;
    droppedInfoReads: number;
    /** Register ops whose values do not parse (a non-scalar value, an ok read without a value). */
    malformed: number;
  };
  /** The events of the malformed ops (invocation, or the completion that did not parse). */
  readonly malformed: OpEvent[];
}

function parseInput(f: string, v: Readonly<Record<string, unknown>> | undefined): RegisterInput | null {
  if (!v) return null;
  if (f === 'read') return { f };
  if (f === 'write') return isRegisterValue(v.value) ? { f, value: v.value } : null;
  return isRegisterValue(v.from) && isRegisterValue(v.to) ? { f: 'cas', from: v.from, to: v.to } : null;
}

export function registerOperations(history: readonly HistoryEvent[]): RegisterHistory {
  const counts = { ok: 0, fail: 0, info: 0, incomplete: 0, droppedInfoReads: 0, malformed: 0 };
  const ops: RegisterOp[] = [];
  const failed: RegisterOp[] = [];
  const malformed: OpEvent[] = [];
  const bad = (e: OpEvent) => { counts.malformed++; malformed.push(e); };
  const open = new Map<number, { call: OpEvent; key: string; input: RegisterInput }>();
  const finish = (call: OpEvent, key: string, input: RegisterInput, type: 'ok' | 'fail' | 'info', t: number, output: RegisterOutput | undefined) => {
    counts[type]++;
    if (type === 'info' && input.f === 'read') { counts.droppedInfoReads++; return; }
    const unknown = type === 'info';
    const op: RegisterOp = {
      id: call.id, process: call.process, f: input.f, key, input, output: unknown ? undefined : output,
      callMs: call.t, returnMs: unknown ? Infinity : t, outcome: unknown ? 'info' : 'ok',
    };
    (type === 'fail' ? failed : ops).push(op);
  };
  for (const e of history) {
    if (e.kind !== 'op' || !REGISTER_FS.includes(e.f)) continue;
    if (e.type === 'invoke') {
      const key = e.value?.key;
      if (typeof key !== 'string') continue;
      const input = parseInput(e.f, e.value);
      if (input) open.set(e.id, { call: e, key, input });
      else bad(e);
      continue;
    }
    const started = open.get(e.id);
    if (!started) continue; // not a register op, malformed (counted at its invocation), or invoked before this history
    open.delete(e.id);
    let output: RegisterOutput = {};
    if (e.type === 'ok' && started.input.f === 'read') {
      const value = e.value?.value;
      if (!isRegisterValue(value)) { bad(e); continue; }
      output = { value };
    }
    if (e.type === 'ok' && started.input.f === 'cas' && e.value?.swapped === false) {
      const found = e.value.found;
      if (!isRegisterValue(found)) { bad(e); continue; }
      output = { swapped: false, found };
    }
    finish(started.call, started.key, started.input, e.type, e.t, output);
  }
  for (const { call, key, input } of open.values()) {
    counts.incomplete++;
    finish(call, key, input, 'info', Infinity, undefined);
  }
  return { ops, failed, counts, malformed };
}
