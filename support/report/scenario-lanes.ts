// A scenario's history as lanes for the report: one per ZooKeeper member (its mode), one per node (registered,
// leader, config version, ZooKeeper state), one for the gateway's backends; each lane a run of segments where
// what was observed stayed the same. Plus where the scenario's time went, by kind of step. Pure: history in,
// plain data out.
import { HistoryEvent, GatewayObservation, MemberModeObservation, NodeStatusObservation, StepEvent } from '../history/events';

/** What a lane showed from `startMs` until `endMs` (the next different observation, or the scenario's end). */
export interface LaneSegment { startMs: number; endMs: number; state: string; label: string }
export interface Lane { name: string; kind: 'member' | 'node' | 'gateway'; segments: LaneSegment[] }

/** Time spent building or resetting the fleet, in the rest of Given steps, When steps (faults, changes), awaited `within` steps, other checks. */
export interface StepTimeSplit { fleetMs: number; givenMs: number; whenMs: number; withinMs: number; thenMs: number }

class LaneBuilder {
  private readonly segments: LaneSegment[] = [];
  constructor(readonly name: string, readonly kind: Lane['kind']) {}

  see(t: number, state: string, label: string): void {
    const last = this.segments.at(-1);
    if (last && last.state === state && last.label === label) return;
    if (last) last.endMs = t;
    this.segments.push({ startMs: t, endMs: t, state, label });
  }

  lane(endMs: number): Lane {
    const last = this.segments.at(-1);
    if (last) last.endMs = Math.max(last.endMs, endMs);
    return { name: this.name, kind: this.kind, segments: this.segments };
  }
}

function memberState(o: MemberModeObservation): [string, string] {
  if (!o.answered) return ['down', 'no answer'];
  return [o.mode === 'leader' || o.mode === 'follower' || o.mode === 'standalone' ? o.mode : 'other', o.mode];
}

function nodeState(o: NodeStatusObservation): [string, string] {
  if (!o.answered) return ['down', 'no answer'];
  const role = o.leader ? 'leader' : o.registered ? 'registered' : 'unregistered';
  const config = o.configVersion === undefined ? '' : ` v${o.configVersion}`;
  const zk = o.zk && o.zk !== 'CONNECTED' ? ` ${o.zk.toLowerCase()}` : '';
  return [role, `${role}${config}${zk}`];
}

function gatewayState(o: GatewayObservation): [string, string] {
  if (!o.answered) return ['down', 'no answer'];
  const backends = (o.backends ?? []).map((b) => b.node).sort();
  return [backends.length ? 'routing' : 'empty', backends.length ? `→ ${backends.join(', ')}` : 'no backends'];
}

export function scenarioLanes(events: readonly HistoryEvent[], endMs: number): Lane[] {
  const lanes = new Map<string, LaneBuilder>();
  const lane = (name: string, kind: Lane['kind']) => {
    const key = `${kind}:${name}`;
    if (!lanes.has(key)) lanes.set(key, new LaneBuilder(name, kind));
    return lanes.get(key)!;
  };
  for (const e of events) {
    if (e.kind !== 'observe') continue;
    if (e.observer === 'member-mode') lane(e.member, 'member').see(e.t, ...memberState(e));
    else if (e.observer === 'node-status') lane(e.node, 'node').see(e.t, ...nodeState(e));
    else if (e.observer === 'gateway') lane('gateway', 'gateway').see(e.t, ...gatewayState(e));
  }
  const order = { member: 0, node: 1, gateway: 2 };
  return [...lanes.values()].map((b) => b.lane(endMs))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'en', { numeric: true }));
}

const WITHIN = /\bwithin \d+(\.\d+)? (seconds?|minutes?|ms)\b/;

/**
 * Where the scenario's time went, by each step's kind as cucumber classes it (Context = Given, Action = When,
 * Outcome = Then, And/But taking the kind before them); Then steps that await a recovery count apart. The fleet
 * is built or reset inside the first step that uses it (`fleet`, history time): that time counts as its own.
 */
export function stepTimeSplit(events: readonly HistoryEvent[], fleet?: { startMs: number; endMs: number }): StepTimeSplit {
  const split: StepTimeSplit = { fleetMs: 0, givenMs: 0, whenMs: 0, withinMs: 0, thenMs: 0 };
  let open: StepEvent | undefined;
  for (const e of events) {
    if (e.kind !== 'step') continue;
    if (e.phase === 'start') { open = e; continue; }
    if (!open) continue;
    let ms = e.t - open.t;
    if (fleet && fleet.startMs >= open.t && fleet.endMs <= e.t) {
      split.fleetMs += fleet.endMs - fleet.startMs;
      ms -= fleet.endMs - fleet.startMs;
    }
    if (open.type === 'Context') split.givenMs += ms;
    else if (open.type === 'Action') split.whenMs += ms;
    else if (WITHIN.test(open.text)) split.withinMs += ms;
    else split.thenMs += ms;
    open = undefined;
  }
  return split;
}
