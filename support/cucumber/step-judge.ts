// How a scenario's Then steps judge: on the history (a `within` replays it from the last fault, a "right now"
// assertion waits for fresh observations, a span holds at every observation), or by write probes; and how
// what they measured is recorded (recovery.json, the timeline, progress lines, cucumber's report).
import { Measurement, Condition, measure, requireMet, now, Wake } from '../../containers/shared/deadline';
import { StateJudge, Judgement } from '../history/state-judges';
import { withinHistory, judgeNow, holdsInHistory, freshState } from '../history/history-judge';
import { ExpectationEvent } from '../history/events';
import { DEFAULT_CHECKERS } from '../checks/default-checkers';
import { toRecord } from '../report/recovery-record';
import { progress } from '../progress';
import { runContext } from './run-context';
import { History } from '../history/history';
import { FaultBracket } from '../faults/fault-bracket';
import { TimelineRecovery } from '../report/scenario-timeline';

/** What a judge needs of its scenario (the world is one). */
export interface JudgedScenario {
  readonly history: History;
  readonly bracket: FaultBracket;
  readonly scenario: string;
  readonly feature: string;
  readonly currentStep: string;
  readonly scenarioStartMs: number;
  readonly stepStartMs: number;
  readonly expectedViolations: Set<string>;
  readonly recoveries: TimelineRecovery[];
  fleet(): Promise<unknown>;
  deadline(writtenMs: number): number;
  sinceLastFault(): number;
  attach(data: string, mediaType: string): void;
}

export class StepJudge {
  constructor(private readonly world: JudgedScenario) {}

  /**
   * A `within` step: measure from the end of the last fault (polling every 50 ms, each probe bounded), record
   * the result met or not, then fail on a miss.
   */
  async within(what: string, condition: Condition, writtenDeadlineMs: number, options: { probeTimeoutMs?: number; wake?: Wake; observedBy?: string } = {}): Promise<Measurement> {
    await this.world.fleet();
    const m = await measure(what, condition, this.world.deadline(writtenDeadlineMs), { sinceMs: this.world.sinceLastFault(), probeTimeoutMs: options.probeTimeoutMs, wake: options.wake });
    return requireMet(this.record(m, options.observedBy));
  }

  /**
   * A `within` step judged on the history: the first instant the condition holds at or after the end of the
   * last fault step, replaying from the start of that step (or from the judging step if there was no fault).
   */
  async withinHistory(what: string, judge: StateJudge, writtenDeadlineMs: number): Promise<Measurement> {
    await this.world.fleet();
    const m = await withinHistory(this.world.history, what, judge, this.world.deadline(writtenDeadlineMs), { sinceMs: this.world.sinceLastFault(), fromMs: this.world.bracket.lastStartMs ?? this.world.sinceLastFault() });
    return requireMet(this.record(m, m.observedBy));
  }

  /** Waits (not a recovery: nothing is recorded) until the history shows the condition. */
  async awaitHistory(what: string, judge: StateJudge, deadlineMs: number): Promise<void> {
    await this.world.fleet();
    const start = now();
    requireMet(await withinHistory(this.world.history, what, judge, deadlineMs, { sinceMs: start, overrunFactor: 1 }));
  }

  /** A "right now" assertion, judged only on observations made after the step began. */
  async now(what: string, judge: StateJudge, rounds = 1): Promise<Judgement> {
    await this.world.fleet();
    return judgeNow(this.world.history, what, judge, this.world.stepStartMs, rounds);
  }

  /** The condition holds at every event of the history for the span. */
  async holds(what: string, judge: StateJudge, spanMs: number): Promise<void> {
    await this.world.fleet();
    await holdsInHistory(this.world.history, what, judge, spanMs, now());
  }

  /** The Jetty leader on observations made after this call (latch order and /status agree), or why none. */
  async currentJettyLeader(): Promise<{ leader: string | null; seen: string }> {
    await this.world.fleet();
    const { state } = await freshState(this.world.history, this.world.history.now());
    const j = state.jettyLeader();
    return { leader: j.leader, seen: `latch order [${j.latch.join(', ')}], /status leader=true on [${j.claimants.join(', ')}]` };
  }

  /**
   * "Then the history shows …": the scenario sets out to show this invariant violated. Its checker must find
   * the violation in the history so far (else the step fails); the final verdict is then reported, not failed.
   */
  async expectViolation(invariant: string): Promise<void> {
    await this.world.fleet();
    const checker = DEFAULT_CHECKERS.find((c) => c.id === invariant);
    if (!checker) throw new Error(`${invariant} is not an invariant the history is judged by (${DEFAULT_CHECKERS.map((c) => c.id).join(', ')}).`);
    const verdict = checker.check(this.world.history.events());
    if (verdict.valid !== false) throw new Error(`Expected the history to show a violation of ${invariant}, but its checker found ${verdict.valid === true ? 'none' : 'no verdict (unknown)'}: ${verdict.summary}`);
    this.world.expectedViolations.add(invariant);
    this.world.history.append<ExpectationEvent>({ kind: 'expect', invariant, verdict: 'invalid' });
    this.world.attach(`${invariant}: ${verdict.summary}
${verdict.evidence.slice(0, 5).map((e) => `  at ${Math.round(e.atMs)} ms: ${e.detail}`).join('\n')}`, 'text/plain');
    progress(`history shows a violation of ${invariant}, as the scenario expects: ${verdict.summary}`);
  }

  /** Records a `within` measurement (met or not) and returns it. */
  record(m: Measurement, observedBy = '50 ms poll'): Measurement {
    const since = this.world.sinceLastFault();
    this.world.recoveries.push({ step: this.world.currentStep, atMs: m.firstTrueMs === null ? null : since + m.firstTrueMs - this.world.scenarioStartMs, deadlineMs: m.deadlineMs, met: m.met, measuredMs: m.measuredMs === null ? null : Math.round(m.measuredMs) });
    const { lastStartMs, lastEndMs } = this.world.bracket;
    const faultStepMs = lastStartMs !== null && lastEndMs !== null ? lastEndMs - lastStartMs : null;
    runContext.recoveries.push(toRecord(m, { scenario: this.world.scenario, feature: this.world.feature, step: this.world.currentStep, profile: runContext.timing.name, observedBy, faultStepMs }));
    const figure = m.measuredMs === null ? 'not seen' : `${Math.round(m.measuredMs)} ms`;
    progress(`${m.met ? 'recovered' : 'MISSED'}: ${m.what} — ${figure} (deadline ${m.deadlineMs} ms)`);
    this.world.attach(`${m.what}: ${figure} after the last fault (deadline ${m.deadlineMs} ms, last false at ${fmt(m.lastFalseMs)}, first true at ${fmt(m.firstTrueMs)})`, 'text/plain');
    return m;
  }
}

const fmt = (v: number | null) => (v === null ? '-' : `${Math.round(v)} ms`);
