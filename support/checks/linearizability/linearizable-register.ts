// Every znode register's reads, writes and compare-and-sets have a linearization: one order that respects real
// time and a register's sequential behaviour (Herlihy & Wing 1990). ZooKeeper promises linearizable writes,
// and a read after `sync` is linearizable too; a plain read may be served by a lagging follower, which is what
// this catches. Keys are checked one by one (locality); all keys share one time budget, and running out of
// it, or of memo room, is 'unknown', never a hang or a guess.
import { HistoryEvent } from '../../history/events';
import { Checker, CheckerVerdict, Evidence } from '../checker';
import { ms } from '../observer-gaps';
import { partitionByKey } from './model';
import { registerOperations } from './operations';
import { registerModel, RegisterOp, RegisterValue } from './register-model';
import { searchLinearization, SearchOutcome } from './search';
import { registerWitness, RegisterWitness, witnessEvidence } from './witness';

export const LINEARIZABLE_REGISTER = 'linearizable-register';
export const DEFAULT_BUDGET_MS = 10_000;
/** Above this many ops on one key the search is not tried: Jepsen keeps per-key histories to hundreds of ops for the same reason. */
export const DEFAULT_MAX_OPS_PER_KEY = 5_000;

export interface LinearizableOptions {
  /** Time for the whole history, all keys together. */
  readonly budgetMs?: number;
  readonly maxOpsPerKey?: number;
  /** Memo entries allowed per key; by default about 128 MB of memo keys. */
  readonly maxStates?: number;
  readonly now?: () => number;
}

interface KeyResult {
  readonly key: string;
  readonly ops: readonly RegisterOp[];
  readonly outcome: SearchOutcome | 'too-large';
  readonly states: number;
  readonly ms: number;
  readonly longest: readonly RegisterOp[];
  readonly stateAfter: RegisterValue;
}

/** Memo entries that fit in ~128 MB: a key is the linearized-set bitset (2 bytes per 16 ops) plus the state's hash. */
function defaultMaxStates(ops: number): number {
  const keyBytes = 2 * (2 * (Math.ceil(ops / 32) + 1)) + 64;
  return Math.min(2_000_000, Math.max(10_000, Math.floor(128e6 / keyBytes)));
}

export function checkLinearizable(history: readonly HistoryEvent[], opts: LinearizableOptions = {}): CheckerVerdict {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const maxOps = opts.maxOpsPerKey ?? DEFAULT_MAX_OPS_PER_KEY;
  const { ops, failed, counts, malformed } = registerOperations(history);
  const parts = [...registerModel.partition(ops)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const failedByKey = partitionByKey(failed);
  const results: KeyResult[] = parts.map(([key, keyOps]) => {
    if (keyOps.length > maxOps) return { key, ops: keyOps, outcome: 'too-large', states: 0, ms: 0, longest: [], stateAfter: null };
    const r = searchLinearization(registerModel, keyOps, { deadline: started + budgetMs, maxStates: opts.maxStates ?? defaultMaxStates(keyOps.length), now });
    return { key, ops: keyOps, ...r };
  });
  const searchMs = Math.round(now() - started);
  const states = results.reduce((n, r) => n + r.states, 0);
  const figures: Record<string, unknown> = {
    keys: results.length, opsPerKey: Object.fromEntries(results.map((r) => [r.key, r.ops.length])), ...counts, searchMs, statesExplored: states, budgetMs,
  };
  const verdict = (valid: CheckerVerdict['valid'], summary: string, evidence: Evidence[] = []): CheckerVerdict => ({ invariant: LINEARIZABLE_REGISTER, valid, summary, evidence, figures });
  if (results.length === 0 && malformed.length === 0) return verdict(true, 'nothing to judge: no register read, write or cas was recorded');

  const illegal = results.filter((r) => r.outcome === 'illegal');
  if (illegal.length) {
    const witnesses: RegisterWitness[] = illegal.map((r) => registerWitness(r.key, r.ops, failedByKey.get(r.key) ?? [], r.longest, r.stateAfter));
    figures.witnesses = witnesses;
    const first = witnesses[0]!;
    const stuck = first.unplaceable[0];
    const what = stuck ? `${stuck.what} at ${Math.round(stuck.invokeMs)}–${ms(stuck.completeMs ?? Infinity)} cannot follow a linearizable prefix of ${first.prefixLength} of ${first.opsOnKey} ops (the register then held ${JSON.stringify(first.stateAfterPrefix)})` : 'no order fits';
    return verdict(false, `${illegal.length} of ${results.length} register key(s) not linearizable: on ${first.key}, ${what}`, witnesses.flatMap(witnessEvidence));
  }

  const undecided = results.filter((r) => r.outcome !== 'linearizable');
  const bad: Evidence[] = malformed.map((e) => ({ atMs: e.t, participants: [e.process], detail: `${e.f} ${e.type} (op ${e.id}) by ${e.process} has a key but values that do not parse as a register op: ${JSON.stringify(e.value ?? {})}` }));
  if (undecided.length || bad.length) {
    const evidence = undecided.map((r): Evidence => {
      const why = r.outcome === 'too-large' ? `there are ${r.ops.length} ops, more than the ${maxOps} the search takes on one key`
        : r.outcome === 'timeout' ? `the search ran out of the ${budgetMs} ms budget (${Math.round(r.ms)} ms on this key, ${searchMs} ms in all)`
          : `the memo reached its cap of ${r.states} states`;
      return { atMs: r.ops[0]!.callMs, participants: [r.key], detail: `on ${r.key} ${why}; it got as far as a linearizable prefix of ${r.longest.length} of ${r.ops.length} ops after exploring ${r.states} states` };
    });
    const parts = [...(undecided.length ? [`${undecided.length} of ${results.length} register key(s) undecided: ${evidence[0]!.detail}`] : []), ...(bad.length ? [`${bad.length} register op(s) could not be read`] : [])];
    return verdict('unknown', `${parts.join('; ')}; ${results.length - undecided.length} key(s) linearizable`, [...evidence, ...bad]);
  }
  return verdict(true, `all ${ops.length} register op(s) on ${results.length} key(s) are linearizable (${counts.ok} ok, ${counts.fail} failed, ${counts.info} unknown; ${searchMs} ms, ${states} states)`);
}

export const linearizableRegister: Checker = {
  id: LINEARIZABLE_REGISTER,
  describe: 'Every znode register\'s reads, writes and compare-and-sets (ops with a `value.key`) have one total order that respects real time and a register\'s sequential behaviour, searched per key within a 10 s budget.',
  check: (history) => checkLinearizable(history),
};
