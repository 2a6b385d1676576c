// What the linearizability search needs to know about an object, and nothing more: a model is data plus a few
// small pure functions (the shape of Porcupine's `Model`, after Wing & Gong 1993's "sequential specification").
// The search in search.ts steps states and compares them by hash; it never looks inside one, so a register,
// a queue or a lock can be checked by the same code.

/** A client operation as the search sees it: an invocation with its input, and what it returned (if known). */
export interface Operation<I, O> {
  /** The history's op id (an invocation and its completion share it). */
  readonly id: number;
  readonly process: string;
  readonly f: string;
  /** The object the operation is on (a znode path); operations on different keys never constrain each other. */
  readonly key: string;
  readonly input: I;
  /** undefined when the outcome is unknown ('info'): the model must then accept any output. */
  readonly output: O | undefined;
  readonly callMs: number;
  /** Infinity when the outcome is unknown: it may take effect at any instant after its call, or never. */
  readonly returnMs: number;
  readonly outcome: 'ok' | 'info';
}

export interface StepResult<S> {
  /** Could the object, in `state`, have answered this input with this output? */
  readonly ok: boolean;
  /** The state after the operation (meaningless when !ok). */
  readonly next: S;
}

export interface Model<S, I, O> {
  readonly name: string;
  init(): S;
  /** Pure: never mutates `state`, since the search keeps old states to backtrack to. */
  step(state: S, input: I, output: O | undefined): StepResult<S>;
  /** Equal states must hash equal, different ones differently: the memo prunes on (linearized set, hash). */
  hash(state: S): string;
  /**
   * Splits a history into parts that can be checked on their own. Linearizability is local (Herlihy & Wing
   * 1990, "P-compositionality" in Lowe 2017): a history of independent objects is linearizable iff each
   * object's sub-history is, and checking small parts is exponentially cheaper than checking the whole.
   */
  partition(ops: readonly Operation<I, O>[]): Map<string, Operation<I, O>[]>;
  describeState(state: S): string;
  describeOp(op: Operation<I, O>): string;
}

/** The usual partition for keyed objects: each key an independent object; order within a key is kept. */
export function partitionByKey<I, O>(ops: readonly Operation<I, O>[]): Map<string, Operation<I, O>[]> {
  const parts = new Map<string, Operation<I, O>[]>();
  for (const op of ops) {
    const part = parts.get(op.key);
    if (part) part.push(op);
    else parts.set(op.key, [op]);
  }
  return parts;
}
