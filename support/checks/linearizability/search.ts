// Is there a total order of a history's operations that respects real time (an op that returned before another
// was called comes first) and that the model accepts step by step? Wing & Gong's depth-first search (1993),
// with Lowe's memo of configurations (2017), as Porcupine implements it: calls and returns in one time-sorted
// doubly linked list; walk from the head trying to linearize each call met before the first return; a call
// the model accepts is lifted out of the list (with its return) and the walk restarts at the head; meeting a
// return whose call is not yet linearized means that op's deadline has passed, so undo the last choice and try
// the next call after it. A configuration (set of linearized ops, model state) already explored is never
// explored again: the search is exponential only in the history's concurrency, not its length.
import { Model, Operation } from './model';

export type SearchOutcome = 'linearizable' | 'illegal' | 'timeout' | 'too-many-states';

export interface SearchOptions {
  /** Give up (outcome 'timeout') once `now()` passes this. */
  readonly deadline: number;
  /** Give up (outcome 'too-many-states') once the memo holds this many configurations: a memory bound. */
  readonly maxStates?: number;
  /** How many steps between looks at the clock. */
  readonly checkEvery?: number;
  readonly now?: () => number;
}

export interface SearchResult<S, I, O> {
  readonly outcome: SearchOutcome;
  /** The longest linearizable prefix found, in linearization order (the whole order when linearizable). */
  readonly longest: readonly Operation<I, O>[];
  /** The model's state after `longest`. */
  readonly stateAfter: S;
  /** Configurations memoized: distinct (linearized set, state) pairs reached. */
  readonly states: number;
  readonly ms: number;
}

interface Entry {
  readonly op: number;
  readonly isCall: boolean;
  readonly time: number;
  match: Entry | null;
  prev: Entry | null;
  next: Entry | null;
}

/** The sentinel head of the list of calls and returns, sorted by time; a call comes before a return at the same instant. */
function entryList<I, O>(ops: readonly Operation<I, O>[]): Entry {
  const entries: Entry[] = [];
  ops.forEach((op, i) => {
    const call: Entry = { op: i, isCall: true, time: op.callMs, match: null, prev: null, next: null };
    const ret: Entry = { op: i, isCall: false, time: op.returnMs, match: null, prev: null, next: null };
    call.match = ret;
    entries.push(call, ret);
  });
  // Ties count as overlapping (calls first): an op that returned at the instant another was called may be
  // ordered either way. The clock cannot tell them apart, and the permissive reading avoids false alarms.
  entries.sort((a, b) => a.time - b.time || Number(b.isCall) - Number(a.isCall) || a.op - b.op);
  const head: Entry = { op: -1, isCall: false, time: -Infinity, match: null, prev: null, next: null };
  let last = head;
  for (const e of entries) { last.next = e; e.prev = last; last = e; }
  return head;
}

function lift(call: Entry): void {
  call.prev!.next = call.next;
  call.next!.prev = call.prev; // a call is always followed, at least by its own return
  const ret = call.match!;
  ret.prev!.next = ret.next;
  if (ret.next) ret.next.prev = ret.prev;
}

function unlift(call: Entry): void {
  const ret = call.match!;
  ret.prev!.next = ret;
  if (ret.next) ret.next.prev = ret;
  call.prev!.next = call;
  call.next!.prev = call;
}

export function searchLinearization<S, I, O>(model: Model<S, I, O>, ops: readonly Operation<I, O>[], opts: SearchOptions): SearchResult<S, I, O> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const checkEvery = opts.checkEvery ?? 512;
  const head = entryList(ops);
  const bits = new Uint32Array(Math.ceil(ops.length / 32) + 1);
  const bitsText = new Uint16Array(bits.buffer); // the memo key: 16 bits per character, no copying
  const memo = new Set<string>();
  const stack: { call: Entry; before: S }[] = [];
  let state = model.init();
  let longest: Operation<I, O>[] = [];
  let stateAfter = state;
  const done = (outcome: SearchOutcome): SearchResult<S, I, O> => ({ outcome, longest, stateAfter, states: memo.size, ms: now() - started });
  // Unknown ops may be left out, so the search is over once every op that surely happened is placed.
  let pending = ops.filter((op) => op.outcome === 'ok').length;
  let entry = head.next;
  let steps = 0;
  while (pending > 0 && entry) {
    if (++steps % checkEvery === 0) {
      if (now() > opts.deadline) return done('timeout');
      if (opts.maxStates !== undefined && memo.size >= opts.maxStates) return done('too-many-states');
    }
    if (entry.isCall) {
      const op = ops[entry.op]!;
      const { ok, next } = model.step(state, op.input, op.output);
      if (ok) {
        bits[entry.op >>> 5] |= 1 << (entry.op & 31);
        const key = String.fromCharCode(...bitsText) + model.hash(next);
        if (!memo.has(key)) {
          memo.add(key);
          stack.push({ call: entry, before: state });
          state = next;
          lift(entry);
          if (op.outcome === 'ok') pending--;
          if (stack.length > longest.length) { longest = stack.map((s) => ops[s.call.op]!); stateAfter = state; }
          entry = head.next;
          continue;
        }
        bits[entry.op >>> 5] &= ~(1 << (entry.op & 31));
      }
      entry = entry.next;
      continue;
    }
    // A return before its call was linearized: this prefix cannot be extended. Undo the latest choice.
    const undo = stack.pop();
    if (!undo) return done('illegal');
    const op = ops[undo.call.op]!;
    bits[undo.call.op >>> 5] &= ~(1 << (undo.call.op & 31));
    state = undo.before;
    unlift(undo.call);
    if (op.outcome === 'ok') pending++;
    entry = undo.call.next;
  }
  // Every op that surely happened is placed (the walk cannot fall off the list while one is pending: its
  // return is still in it). Report the order found as the longest prefix.
  if (stack.length) { longest = stack.map((s) => ops[s.call.op]!); stateAfter = state; }
  return done('linearizable');
}
