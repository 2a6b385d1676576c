// The per-scenario world: the spec the Given steps declare, the fleet (started lazily, possibly reused),
// the scenario's fault history and its recovery measurements.
import { World, IWorldOptions, setWorldConstructor, setDefaultTimeout } from '@cucumber/cucumber';
import { FleetSpec, EMPTY_SPEC } from '../fleet/fleet-spec';
import { StartedFleet } from '../fleet/started-fleet';
import { FaultLog, FaultKind } from '../faults/fault';
import { Measurement, Condition, measure, requireMet, now, Wake } from '../timing/eventually';
import { measureWatched, TimedSnapshot, WatchedCheck } from '../timing/watched';
import { scaleDeadline, stepTimeoutMs } from '../timing/timing-profile';
import { toRecord } from '../report/recovery-record';
import { MemberRef, resolveMember, describeMemberRef, NodeRef, resolveNode, describeNodeRef } from '../fleet/targets';
import { StartedWebNode } from '../../containers/web-node/started-web-node';
import { GatewayTraffic, RequestRecord } from '../workload/gateway-traffic';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { runContext } from './run-context';
import { progress } from '../progress';
import { SettingError } from '../errors';
import { ScenarioTimeline, TimelineRecovery } from '../report/scenario-timeline';

setDefaultTimeout(stepTimeoutMs(runContext.timing));

export class FleetWorld extends World {
  spec: FleetSpec = { ...EMPTY_SPEC };
  faults = new FaultLog();
  scenario = '';
  feature = '';
  currentStep = '';
  scenarioStartMs = now();
  stepStartMs = now();
  private readonly recoveries: TimelineRecovery[] = [];
  /** End of the last fault step: recoveries are measured from here. */
  lastFaultEndMs: number | null = null;
  /** Start of the last fault step: watched conditions are judged from the state at this moment. */
  lastFaultStartMs: number | null = null;
  /** The ZooKeeper leader seen just before the last fault, for "elects a new leader". */
  zkLeaderBeforeFault: string | null = null;
  /** The Jetty leader seen just before the last fault, for "a new Jetty leader is elected". */
  jettyLeaderBeforeFault: string | null = null;
  /** Traffic started by "Given steady traffic through the gateway", judged (and stopped) by a Then. */
  traffic: GatewayTraffic | undefined;
  /** Every judged request of this scenario, for the report's timeline. */
  trafficHistory: RequestRecord[] = [];
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
      this.started = await runContext.pool.acquire(this.spec);
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

  /**
   * A member by name or role. A role used to undo a fault ("the ZooKeeper leader is resumed") means the
   * member that the same role named when the fault began, not whoever holds the role now.
   */
  async member(ref: MemberRef, undoing?: FaultKind[]): Promise<StartedZooKeeperMember> {
    const fleet = await this.fleet();
    const faulted = undoing && ref.kind !== 'name' ? this.faults.targetUnderRole(describeMemberRef(ref), undoing) : undefined;
    if (faulted) return fleet.ensemble.member(faulted);
    return resolveMember(fleet, ref, runContext.random, this.deadline(10_000));
  }

  /** A node by name or role; as for members, a role in an undoing step means whom it named at the fault. */
  async node(ref: NodeRef, undoing?: FaultKind[]): Promise<StartedWebNode> {
    const fleet = await this.fleet();
    const faulted = undoing && ref.kind !== 'name' ? this.faults.targetUnderRole(describeNodeRef(ref), undoing) : undefined;
    if (faulted) return fleet.node(faulted);
    return resolveNode(fleet, ref, runContext.random, this.deadline(10_000));
  }

  /** In a Then step a role names whom it named when the latest fault under that role began. */
  async nodeAsFaulted(ref: NodeRef): Promise<StartedWebNode> {
    return this.node(ref, ['kill', 'stop', 'pause', 'cut-off']);
  }

  /** Wraps a fault step: snapshot who leads, act, and mark when the fault step ended. */
  async faultStep(description: string, act: () => Promise<void>): Promise<void> {
    const fleet = await this.fleet();
    this.zkLeaderBeforeFault = await fleet.ensemble.leader().then((m) => m.name, () => null);
    if (fleet.nodes.length) this.jettyLeaderBeforeFault = (await fleet.view.jettyLeader().catch(() => ({ leader: null }))).leader;
    progress(`fault: ${description}`);
    this.lastFaultStartMs = now();
    await act();
    this.lastFaultEndMs = now();
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
   * A `within` step on a znode condition: judged on every snapshot of the fleet's ZooKeeper watch from the
   * end of the last fault, so its window is set by the notification, not by a poll.
   */
  async withinWatched<S extends TimedSnapshot>(what: string, check: WatchedCheck<S>, writtenDeadlineMs: number): Promise<Measurement> {
    await this.fleet();
    const m = await measureWatched(what, check.source, check.judge, this.deadline(writtenDeadlineMs), { sinceMs: this.sinceLastFault(), fromMs: this.lastFaultStartMs ?? undefined, watching: check.watching });
    return requireMet(this.record(m, m.observedBy));
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
    return this.lastFaultEndMs ?? this.stepStartMs;
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
      requests: this.trafficHistory.map((r) => ({ startMs: rel(r.startMs), endMs: rel(r.endMs), outcome: r.outcome })),
    };
  }
}

const fmt = (v: number | null) => (v === null ? '-' : `${Math.round(v)} ms`);

setWorldConstructor(FleetWorld);
