// The events of a scenario's history (Jepsen's history, typed). One clock: `t` is ms since the history's
// origin (the scenario's start, on performance.now()). Events are appended in the order they happened, so a
// history is sorted by `t`; an observation that took time also says when it was asked for (`sentAt`).

/** Jepsen's operation types: invoke, then exactly one of ok (it happened), fail (it surely did not), info (unknown). */
export type OpType = 'invoke' | 'ok' | 'fail' | 'info';

/**
 * A client operation: every gateway request, every operator config write or delete, every probe write. An
 * invocation and its completion share `id`.
 * - `f: 'request'` (process `traffic`): completion value {status, backend, latencyMs, error}
 * - `f: 'write-config'` (process `operator`): value {version, valid: true}; `f: 'publish-malformed'`: {bytes}
 * - `f: 'delete-config'` (process `operator`): after it a node accepts any version next (the fleet reset)
 * - `f: 'probe-write'` (process `probe:<where>`): a write through the ensemble or one member
 */
export interface OpEvent {
  readonly kind: 'op';
  readonly t: number;
  readonly type: OpType;
  readonly id: number;
  readonly process: string;
  readonly f: string;
  readonly value?: Readonly<Record<string, unknown>>;
}

/** One registration znode as the watch read it: who it names, and which session owns it (16 hex digits). */
export interface RegistrationEntry {
  readonly id: string;
  readonly node: string;
  readonly address: string;
  readonly port: number;
  readonly owner: string;
}

/** A snapshot of /fleet/services/web from the harness's watch (read after a notification or a reconnection). */
export interface RegistrationsObservation {
  readonly kind: 'observe';
  readonly observer: 'registrations';
  readonly t: number;
  readonly sentAt: number;
  /** The watch's connection: snapshots of one epoch were watched without a gap. */
  readonly epoch: number;
  readonly entries: readonly RegistrationEntry[];
}

/** The watch on a path lost its connection: what it last read is vouched for only until `t`. */
export interface WatchLostObservation {
  readonly kind: 'observe';
  readonly observer: 'registrations' | 'latch';
  readonly t: number;
  readonly sentAt: number;
  readonly lost: true;
  readonly epoch: number;
}

/** The LeaderLatch participants under /fleet/leader, lowest sequence (the leader) first. */
export interface LatchObservation {
  readonly kind: 'observe';
  readonly observer: 'latch';
  readonly t: number;
  readonly sentAt: number;
  readonly epoch: number;
  readonly participants: readonly string[];
}

/** What a node's own /status said (or that it did not answer: paused, crashed, cut off from the runner). */
export interface NodeStatusObservation {
  readonly kind: 'observe';
  readonly observer: 'node-status';
  readonly t: number;
  readonly sentAt: number;
  readonly node: string;
  readonly answered: boolean;
  readonly registered?: boolean;
  readonly leader?: boolean;
  readonly zk?: string;
  readonly configVersion?: number;
  /** The node's current ZooKeeper session (16 hex digits), null when it has none; absent if the node does not say. */
  readonly session?: string | null;
  readonly incarnation?: string;
  /** The node's wall clock minus the harness's when the answer came (± the request's time): a clock fault shows here. */
  readonly clockOffsetMs?: number;
  readonly error?: string;
}

/** The gateway's backend table from /gateway/status. */
export interface GatewayObservation {
  readonly kind: 'observe';
  readonly observer: 'gateway';
  readonly t: number;
  readonly sentAt: number;
  readonly answered: boolean;
  readonly backends?: readonly { readonly node: string; readonly address: string; readonly port: number }[];
  readonly zk?: string;
  readonly leader?: string | null;
  readonly error?: string;
}

/** A ZooKeeper member's mode from `srvr`: leader, follower, standalone, observer, or why there is none. */
export interface MemberModeObservation {
  readonly kind: 'observe';
  readonly observer: 'member-mode';
  readonly t: number;
  readonly sentAt: number;
  readonly member: string;
  readonly mode: string;
  readonly answered: boolean;
}

export type Observation =
  | RegistrationsObservation | WatchLostObservation | LatchObservation
  | NodeStatusObservation | GatewayObservation | MemberModeObservation;

/** A fault's start or end (Jepsen's nemesis ops), with its kind, resolved targets and parameters. */
export interface NemesisEvent {
  readonly kind: 'nemesis';
  readonly t: number;
  readonly phase: 'start' | 'end';
  readonly fault: string;
  readonly targets: readonly string[];
  readonly params?: Readonly<Record<string, unknown>>;
  /** Pairs a start with its end. */
  readonly faultId: number;
}

/** A step of the scenario began or ended: lets a reader (and a step's judge) place observations. */
export interface StepEvent {
  readonly kind: 'step';
  readonly t: number;
  readonly phase: 'start' | 'end';
  readonly text: string;
  /** Cucumber's class of the step: Context (Given), Action (When), Outcome (Then); And/But take the one before. */
  readonly type?: 'Context' | 'Action' | 'Outcome' | 'Unknown';
  readonly status?: string;
}

/** The scenario says it sets out to show a violation of this invariant ("Then the history shows …"). */
export interface ExpectationEvent {
  readonly kind: 'expect';
  readonly t: number;
  readonly invariant: string;
  readonly verdict: 'invalid';
}

/** The first line of a saved history. */
export interface HistoryHeader {
  readonly kind: 'header';
  readonly t: 0;
  readonly scenario: string;
  readonly feature: string;
  readonly startedAt: string;
  /** How often each observer samples (ms); a watch is 0 (it is told of every change). */
  readonly observers: Readonly<Record<string, number>>;
  readonly nodes: readonly string[];
  readonly members: readonly string[];
  readonly gateway: boolean;
}

export type HistoryEvent = OpEvent | Observation | NemesisEvent | StepEvent | ExpectationEvent | HistoryHeader;

/** Any event without its time: what `History.append` takes. */
export type Unstamped<E> = E extends { t: number } ? Omit<E, 't'> : never;
