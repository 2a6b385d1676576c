// The fleet as the history last saw it, folded event by event: the registrations and latch watches, each
// node's /status, the gateway's table and each member's mode. Steps judge this state, so a verdict rests on
// recorded observations (and says which), never on a sample taken outside the history.
import { GatewayObservation, HistoryEvent, MemberModeObservation, NodeStatusObservation, RegistrationEntry } from './events';

export interface WatchedState<T> {
  readonly value: T;
  readonly t: number;
  /** When the watch's connection was lost since that read (the value is then not vouched for); null while live. */
  readonly lostAt: number | null;
}

/** A registration znode whose owner is not its node's current session: given up, not yet expired. */
export interface StaleRegistration {
  readonly node: string;
  readonly owner: string;
  readonly session: string | null;
  /** How long it has been seen stale (ms). */
  readonly ageMs: number;
}

export class FleetState {
  t = Number.NEGATIVE_INFINITY;
  registrations: WatchedState<readonly RegistrationEntry[]> | null = null;
  latch: WatchedState<readonly string[]> | null = null;
  readonly nodes = new Map<string, NodeStatusObservation>();
  gateway: GatewayObservation | null = null;
  readonly members = new Map<string, MemberModeObservation>();
  /** znode id → when it was first seen owned by a session its node no longer has. */
  private readonly staleSince = new Map<string, number>();

  static of(events: readonly HistoryEvent[], untilT = Number.POSITIVE_INFINITY): FleetState {
    const state = new FleetState();
    for (const e of events) {
      if (e.t > untilT) break;
      state.apply(e);
    }
    return state;
  }

  apply(e: HistoryEvent): void {
    this.t = Math.max(this.t, e.t);
    if (e.kind !== 'observe') return;
    switch (e.observer) {
      case 'registrations':
        if ('lost' in e) this.registrations = this.registrations && { ...this.registrations, lostAt: this.registrations.lostAt ?? e.t };
        else this.registrations = { value: e.entries, t: e.t, lostAt: null };
        break;
      case 'latch':
        if ('lost' in e) this.latch = this.latch && { ...this.latch, lostAt: this.latch.lostAt ?? e.t };
        else this.latch = { value: e.participants, t: e.t, lostAt: null };
        break;
      case 'node-status':
        this.nodes.set(e.node, e);
        break;
      case 'gateway':
        this.gateway = e;
        break;
      case 'member-mode':
        this.members.set(e.member, e);
        break;
    }
    this.trackStale();
  }

  /**
   * Registered: the node's znode exists and is owned by the node's current session. A node that does not
   * answer (or does not report its session) is judged by its znode alone.
   */
  registered(): { nodes: string[]; stale: StaleRegistration[] } {
    const nodes = new Set<string>();
    const stale: StaleRegistration[] = [];
    for (const entry of this.registrations?.value ?? []) {
      const session = this.currentSession(entry.node);
      if (session === undefined || session === entry.owner) nodes.add(entry.node);
      else stale.push({ node: entry.node, owner: entry.owner, session, ageMs: Math.round(this.t - (this.staleSince.get(entry.id) ?? this.t)) });
    }
    return { nodes: [...nodes].sort(), stale };
  }

  /** Nodes with any znode under /fleet/services/web, whoever owns it (what the gateway sees). */
  znodeHolders(): string[] {
    return [...new Set((this.registrations?.value ?? []).map((e) => e.node))].sort();
  }

  /** The Jetty leader if the latch's first participant and exactly one answering node's /status agree. */
  jettyLeader(): { leader: string | null; claimants: string[]; latch: readonly string[] } {
    const latch = this.latch?.value ?? [];
    const claimants = [...this.nodes.values()].filter((s) => s.answered && s.leader).map((s) => s.node).sort();
    const agreed = latch.length > 0 && claimants.length === 1 && claimants[0] === latch[0];
    return { leader: agreed ? latch[0]! : null, claimants, latch };
  }

  modes(): Record<string, string> {
    return Object.fromEntries([...this.members].sort(([a], [b]) => a.localeCompare(b)).map(([name, o]) => [name, o.mode]));
  }

  /** The session a node reports now: a hex id, null (none), or undefined (no answer, or it does not say). */
  private currentSession(node: string): string | null | undefined {
    const s = this.nodes.get(node);
    if (!s || !s.answered || s.session === undefined) return undefined;
    return s.session;
  }

  private trackStale(): void {
    const seen = new Set<string>();
    for (const entry of this.registrations?.value ?? []) {
      const session = this.currentSession(entry.node);
      if (session === undefined || session === entry.owner) continue;
      seen.add(entry.id);
      if (!this.staleSince.has(entry.id)) this.staleSince.set(entry.id, this.t);
    }
    for (const id of [...this.staleSince.keys()]) if (!seen.has(id)) this.staleSince.delete(id);
  }
}
