// The per-scenario world: the spec the Given steps declare, the fleet (started lazily, possibly reused),
// the scenario's fault history and its recovery measurements.
import { World, IWorldOptions, setWorldConstructor, setDefaultTimeout } from '@cucumber/cucumber';
import { FleetSpec, EMPTY_SPEC } from '../fleet/fleet-spec';
import { StartedFleet } from '../fleet/started-fleet';
import { FaultLog } from '../faults/fault';
import { FaultContext } from '../faults/fault-kind';
import { FaultBracket } from '../faults/fault-bracket';
import { Roles } from '../faults/roles';
import { Measurement, Condition, measure, requireMet, now, Wake } from '../../containers/shared/deadline';
import { scaleDeadline, stepTimeoutMs, timingProfile } from '../../containers/shared/timing-profile';
import { settings } from '../settings';
import { toRecord } from '../report/recovery-record';
import { NodeRef } from '../fleet/targets';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { GatewayTraffic, requestsOf } from '../workload/gateway-traffic';
import { runContext } from './run-context';
import { progress } from '../progress';
import { SettingError } from '../../containers/shared/errors';
import { ScenarioTimeline, TimelineRecovery } from '../report/scenario-timeline';
import { History } from '../history/history';
import { NemesisEvent, ExpectationEvent } from '../history/events';
import { FleetObservers } from '../observers/fleet-observers';
import { StateJudge, Judgement } from '../history/state-judges';
import { withinHistory, judgeNow, holdsInHistory, freshState } from '../history/history-judge';
import { DEFAULT_CHECKERS } from '../checks/default-checkers';

// cucumber's step timeout is only a backstop (every wait has its own deadline), set at load before a cucumber
// profile can name the timing profile: long enough for the slowest built-in profile.
setDefaultTimeout(stepTimeoutMs(timingProfile('debian-defaults', settings().timing.multiplier)));

export class FleetWorld extends World {
  spec: FleetSpec = { ...EMPTY_SPEC };
  /** Everything this scenario did and saw, on one clock; steps and checkers judge it. */
  readonly history = new History();
  /** Fault ids by record, so a fault's end pairs with its start in the history. */
  private readonly faultIds = new WeakMap<object, number>();
  readonly faults = new FaultLog((phase, record) => {
    if (!this.faultIds.has(record)) this.faultIds.set(record, this.history.faultId());
    this.history.append<NemesisEvent>({ kind: 'nemesis', phase, fault: record.kind, targets: [...record.targets], faultId: this.faultIds.get(record)!, ...(record.params ? { params: clean(record.params) } : {}) },
      this.history.at(phase === 'start' ? record.startedAtMs : record.endedAtMs ?? now()));
  });
  observers: FleetObservers | undefined;
  /** Invariants this scenario sets out to show violated ("Then the history shows …"). */
  readonly expectedViolations = new Set<string>();
  scenario = '';
  feature = '';
  currentStep = '';
  scenarioStartMs = this.history.originMs;
  stepStartMs = now();
  private readonly recoveries: TimelineRecovery[] = [];
  /** Every fault step's start and end, and who led before it. */
  readonly bracket = new FaultBracket(this.history);
  private roleResolver: Roles | undefined;
  /** Traffic started by "Given steady traffic through the gateway"; it runs until the scenario ends. */
  traffic: GatewayTraffic | undefined;
  /** The mzxid of the last malformed config published, which nodes report back when they reject it. */
  lastMalformedZxid: number | null = null;
  private started: StartedFleet | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  declare(part: Partial<FleetSpec>): void {
    if (this.started) throw new SettingError('The fleet is already running: put every "Given a ZooKeeper ensemble"/"Given N Jetty nodes" step before the first step that uses the fleet.');
    this.spec = { ...this.spec, ...part };
  }

  /** The fleet this scenario declared, started (or reused and reset) on first use. */
  async fleet(): Promise<StartedFleet> {
    if (!this.started) {
      if (this.spec.zookeeperMembers === 0) throw new SettingError('This scenario has no fleet: start it with "Given a ZooKeeper ensemble of 3 members".');
      this.started = await runContext.pool.acquire(this.spec, this.history);
      const observedFrom = this.history.now();
      this.observers = FleetObservers.start(this.started, this.history);
      // The steady state goes into the history before any step acts: one round of every observer.
      await freshState(this.history, observedFrom);
      // Building or resetting the fleet is not part of what a step measures.
      this.stepStartMs = now();
    }
    return this.started;
  }

  hasFleet(): boolean {
    return this.started !== undefined;
  }

  deadline(writtenMs: number): number {
    return scaleDeadline(runContext.timing, writtenMs);
  }

  /** Names and roles resolved for this scenario (see support/faults/roles.ts). */
  async roles(): Promise<Roles> {
    const fleet = await this.fleet();
    this.roleResolver ??= new Roles(fleet, this.faults, runContext.random, this.deadline(10_000));
    return this.roleResolver;
  }

  /** In a Then step a role names whom it named when the latest fault under that role began. */
  async nodeAsFaulted(ref: NodeRef): Promise<StartedWebNode> {
    return (await this.roles()).nodeAsFaulted(ref);
  }

  /** What a fault kind applies with: this scenario's fleet, fault log and role resolution. */
  async faultContext(): Promise<FaultContext> {
    const fleet = await this.fleet();
    const roles = await this.roles();
    return { fleet, faults: this.faults, member: (ref, undoing) => roles.member(ref, undoing), node: (ref, undoing) => roles.node(ref, undoing), deadline: (ms) => this.deadline(ms) };
  }

  /** Wraps a fault step: who led before, when it began and ended (support/faults/fault-bracket.ts). */
  async faultStep(description: string, act: () => Promise<void>): Promise<void> {
    await this.bracket.run(await this.fleet(), description, act);
  }

  /**
   * A `within` step: measure from the end of the last fault (polling every 50 ms, each probe bounded), record
   * the result met or not, then fail on a miss.
   */
  async within(what: string, condition: Condition, writtenDeadlineMs: number, options: { probeTimeoutMs?: number; wake?: Wake; observedBy?: string } = {}): Promise<Measurement> {
    await this.fleet();
    const m = await measure(what, condition, this.deadline(writtenDeadlineMs), { sinceMs: this.sinceLastFault(), probeTimeoutMs: options.probeTimeoutMs, wake: options.wake });
    return requireMet(this.record(m, options.observedBy));
  }

  /**
   * A `within` step judged on the history: the first instant the condition holds at or after the end of the
   * last fault step, replaying from the start of that step (or from the judging step if there was no fault).
   */
  async withinState(what: string, judge: StateJudge, writtenDeadlineMs: number): Promise<Measurement> {
    await this.fleet();
    const m = await withinHistory(this.history, what, judge, this.deadline(writtenDeadlineMs), { sinceMs: this.sinceLastFault(), fromMs: this.bracket.lastStartMs ?? this.sinceLastFault() });
    return requireMet(this.record(m, m.observedBy));
  }

  /** Waits (not a recovery: nothing is recorded) until the history shows the condition. */
  async awaitState(what: string, judge: StateJudge, deadlineMs: number): Promise<void> {
    await this.fleet();
    const start = now();
    requireMet(await withinHistory(this.history, what, judge, deadlineMs, { sinceMs: start, overrunFactor: 1 }));
  }

  /** A "right now" assertion, judged only on observations made after the step began. */
  async nowState(what: string, judge: StateJudge, rounds = 1): Promise<Judgement> {
    await this.fleet();
    return judgeNow(this.history, what, judge, this.stepStartMs, rounds);
  }

  /** The condition holds at every event of the history for the span. */
  async holdsState(what: string, judge: StateJudge, spanMs: number): Promise<void> {
    await this.fleet();
    await holdsInHistory(this.history, what, judge, spanMs, now());
  }

  /** The Jetty leader on observations made after this call (latch order and /status agree), or why none. */
  async currentJettyLeader(): Promise<{ leader: string | null; seen: string }> {
    await this.fleet();
    const { state } = await freshState(this.history, this.history.now());
    const j = state.jettyLeader();
    return { leader: j.leader, seen: `latch order [${j.latch.join(', ')}], /status leader=true on [${j.claimants.join(', ')}]` };
  }

  /**
   * "Then the history shows …": the scenario sets out to show this invariant violated. Its checker must find
   * the violation in the history so far (else the step fails); the final verdict is then reported, not failed.
   */
  async expectViolation(invariant: string): Promise<void> {
    await this.fleet();
    const checker = DEFAULT_CHECKERS.find((c) => c.id === invariant);
    if (!checker) throw new Error(`${invariant} is not an invariant the history is judged by (${DEFAULT_CHECKERS.map((c) => c.id).join(', ')}).`);
    const verdict = checker.check(this.history.events());
    if (verdict.valid !== false) throw new Error(`Expected the history to show a violation of ${invariant}, but its checker found ${verdict.valid === true ? 'none' : 'no verdict (unknown)'}: ${verdict.summary}`);
    this.expectedViolations.add(invariant);
    this.history.append<ExpectationEvent>({ kind: 'expect', invariant, verdict: 'invalid' });
    this.attach(`${invariant}: ${verdict.summary}
${verdict.evidence.slice(0, 5).map((e) => `  at ${Math.round(e.atMs)} ms: ${e.detail}`).join('\n')}`, 'text/plain');
    progress(`history shows a violation of ${invariant}, as the scenario expects: ${verdict.summary}`);
  }

  /** Records a `within` measurement (met or not) and returns it. */
  record(m: Measurement, observedBy = '50 ms poll'): Measurement {
    const since = this.sinceLastFault();
    this.recoveries.push({ step: this.currentStep, atMs: m.firstTrueMs === null ? null : since + m.firstTrueMs - this.scenarioStartMs, deadlineMs: m.deadlineMs, met: m.met, measuredMs: m.measuredMs === null ? null : Math.round(m.measuredMs) });
    runContext.recoveries.push(toRecord(m, { scenario: this.scenario, feature: this.feature, step: this.currentStep, profile: runContext.timing.name, observedBy }));
    const figure = m.measuredMs === null ? 'not seen' : `${Math.round(m.measuredMs)} ms`;
    progress(`${m.met ? 'recovered' : 'MISSED'}: ${m.what} — ${figure} (deadline ${m.deadlineMs} ms)`);
    this.attach(`${m.what}: ${figure} after the last fault (deadline ${m.deadlineMs} ms, last false at ${fmt(m.lastFalseMs)}, first true at ${fmt(m.firstTrueMs)})`, 'text/plain');
    return m;
  }

  /** Recoveries count from the end of the last fault step, or from the start of the judging step if none. */
  sinceLastFault(): number {
    return this.bracket.lastEndMs ?? this.stepStartMs;
  }

  /** The scenario's faults, recoveries and requests on one clock, for the report's timeline. */
  timeline(status: string): ScenarioTimeline {
    const rel = (ms: number) => ms - this.scenarioStartMs;
    return {
      scenario: this.scenario,
      feature: this.feature,
      status,
      durationMs: now() - this.scenarioStartMs,
      faults: this.faults.history().map((f) => ({ kind: f.kind, targets: [...f.targets], startMs: rel(f.startedAtMs), endMs: f.endedAtMs === null ? null : rel(f.endedAtMs) })),
      recoveries: this.recoveries,
      requests: requestsOf(this.history.events()).map((r) => ({ startMs: r.startMs, endMs: r.endMs, outcome: r.outcome })),
    };
  }
}

/** Fault parameters as plain data (roles and numbers), for the history. */
function clean(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && typeof v !== 'function'));
}

const fmt = (v: number | null) => (v === null ? '-' : `${Math.round(v)} ms`);

setWorldConstructor(FleetWorld);
