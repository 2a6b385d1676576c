// The per-scenario world: the spec the Given steps declare, the fleet (started lazily, possibly reused),
// the scenario's fault history and its recovery measurements.
import { World, IWorldOptions, setWorldConstructor, setDefaultTimeout } from '@cucumber/cucumber';
import { FleetSpec, EMPTY_SPEC } from '../fleet/fleet-spec';
import { StartedFleet } from '../fleet/started-fleet';
import { FaultLog } from '../faults/fault';
import { FaultContext } from '../faults/fault-kind';
import { FaultBracket } from '../faults/fault-bracket';
import { Roles } from '../faults/roles';
import { now } from '../../containers/shared/deadline';
import { scaleDeadline, stepTimeoutMs, timingProfile } from '../../containers/shared/timing-profile';
import { settings } from '../settings';
import { NodeRef } from '../fleet/targets';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { GatewayTraffic, requestsOf } from '../workload/gateway-traffic';
import { RegisterWorkload } from '../workload/register-workload';
import { runContext } from './run-context';
import { SettingError } from '../../containers/shared/errors';
import { ScenarioTimeline, TimelineRecovery, TimelineViolation } from '../report/scenario-timeline';
import { scenarioLanes, stepTimeSplit } from '../report/scenario-lanes';
import { History } from '../history/history';
import { NemesisEvent } from '../history/events';
import { FleetObservers } from '../observers/fleet-observers';
import { freshState } from '../history/history-judge';
import { StepJudge } from './step-judge';
import { useWorkerEngine } from '../docker/engines';

// cucumber's step timeout is only a backstop (every wait has its own deadline), set at load before a cucumber
// profile can name the timing profile: long enough for the slowest built-in profile.
setDefaultTimeout(stepTimeoutMs(timingProfile('debian-defaults', settings().timing.multiplier)));

export class FleetWorld extends World {
  spec: FleetSpec = { ...EMPTY_SPEC };
  /** Everything this scenario did and saw, on one clock; steps and checkers judge it. */
  readonly history = new History();
  readonly faults = new FaultLog((phase, record) => {
    this.history.append<NemesisEvent>({ kind: 'nemesis', phase, fault: record.kind, targets: [...record.targets], faultId: record.id, ...(record.params ? { params: clean(record.params) } : {}) },
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
  /** Every fault step's start and end, and who led before it. */
  readonly bracket = new FaultBracket(this.history);
  private roleResolver: Roles | undefined;
  /** How this scenario's Then steps judge the history and record what they measured. */
  readonly judge: StepJudge = new StepJudge(this);
  /** Traffic started by "Given steady traffic through the gateway"; it runs until the scenario ends. */
  traffic: GatewayTraffic | undefined;
  /** Started by "Given a register workload through every member"; it runs until a register verdict or the scenario's end. */
  registers: RegisterWorkload | undefined;
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
      const acquiredFrom = this.history.now();
      this.started = await runContext.pool.acquire(this.spec, this.history);
      const observedFrom = this.history.now();
      this.fleetSpan = { startMs: acquiredFrom, endMs: observedFrom };
      this.observers = FleetObservers.start(this.started, this.history);
      // The steady state goes into the history before any step acts: one round of every observer.
      await freshState(this.history, observedFrom);
      // Building or resetting the fleet is not part of what a step measures.
      this.stepStartMs = now();
    }
    return this.started;
  }

  /** When (history time) this scenario's fleet was being built or reset: the report keeps it apart from the steps. */
  fleetSpan: { startMs: number; endMs: number } | undefined;

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

  /** Recoveries measured in this scenario, for the report's timeline (StepJudge adds them). */
  readonly recoveries: TimelineRecovery[] = [];

  /** Recoveries count from the end of the last fault step, or from the start of the judging step if none. */
  sinceLastFault(): number {
    return this.bracket.lastEndMs ?? this.stepStartMs;
  }

  /** The scenario's faults, recoveries and requests on one clock, for the report's timeline. */
  timeline(status: string, violations: TimelineViolation[] = [], diagnostics?: string): ScenarioTimeline {
    const rel = (ms: number) => ms - this.scenarioStartMs;
    const durationMs = now() - this.scenarioStartMs;
    const events = this.history.events();
    return {
      scenario: this.scenario,
      feature: this.feature,
      status,
      durationMs,
      engine: useWorkerEngine().dockerHost,
      faults: this.faults.history().map((f) => ({ kind: f.kind, targets: [...f.targets], startMs: rel(f.startedAtMs), endMs: f.endedAtMs === null ? null : rel(f.endedAtMs), harnessSpans: f.harnessSpans.map(([a, b]): [number, number] => [rel(a), rel(b)]) })),
      recoveries: this.recoveries,
      requests: requestsOf(events).map((r) => ({ startMs: r.startMs, endMs: r.endMs, outcome: r.outcome })),
      lanes: scenarioLanes(events, durationMs),
      steps: stepTimeSplit(events, this.fleetSpan),
      ...(this.fleetSpan ? { observedFromMs: this.fleetSpan.endMs } : {}),
      violations,
      ...(diagnostics ? { diagnostics } : {}),
    };
  }
}

/** Fault parameters as plain data (roles and numbers), for the history. */
function clean(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && typeof v !== 'function'));
}

setWorldConstructor(FleetWorld);
