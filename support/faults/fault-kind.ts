// A fault kind is one module: how steps name it (its phrasings), how it resolves its targets, how it is
// applied and healed (recorded in the FaultLog with its inverse), and how the report draws it. Every kind is
// listed once, in fault-kinds.ts; steps/faults.steps.ts turns every phrasing into a step.
import { StartedFleet } from '../fleet/started-fleet';
import { FaultLog } from './fault';
import { MemberRef, NodeRef } from '../fleet/targets';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { StartedWebNode } from '../../containers/web-node/started-web-node';

/** What applying a fault needs from the scenario. */
export interface FaultContext {
  readonly fleet: StartedFleet;
  readonly faults: FaultLog;
  /** A member by name or role; a role in a step that undoes `undoing` means whom it named at that fault. */
  member(ref: MemberRef, undoing?: readonly string[]): Promise<StartedZooKeeperMember>;
  node(ref: NodeRef, undoing?: readonly string[]): Promise<StartedWebNode>;
  /** A deadline as written for the fast profile, scaled for the one in force. */
  deadline(writtenMs: number): number;
}

/** One way a step names the fault. `args` are what cucumber's expression captured, transformed. */
export interface Phrasing {
  /** A cucumber expression (with {member}, {node}, {duration} …) or a regular expression. */
  readonly pattern: string | RegExp;
  /** The progress line and fault description for these arguments. */
  describe(...args: unknown[]): string;
  apply(ctx: FaultContext, ...args: unknown[]): Promise<void>;
}

/** Faults of one family end together: "When the network heals" heals every active fault of the network family. */
export type FaultFamily = 'container' | 'network' | 'config' | 'disk' | 'clock';

export interface FaultKind {
  readonly kind: string;
  readonly family: FaultFamily;
  /** The colour of its span on the report's timeline. */
  readonly colour: string;
  readonly phrasings: readonly Phrasing[];
}

/** A phrasing with typed arguments, checked where it is written. */
export function phrasing<A extends unknown[]>(pattern: string | RegExp, describe: (...args: A) => string, apply: (ctx: FaultContext, ...args: A) => Promise<void>): Phrasing {
  // The arguments' types are cucumber's business (its parameter types transform them); checked here once.
  return { pattern, describe: describe as unknown as Phrasing['describe'], apply: apply as unknown as Phrasing['apply'] };
}

/** How many arguments a pattern captures: {parameters} of a cucumber expression, groups of a regular expression. */
export function parameterCount(pattern: string | RegExp): number {
  if (typeof pattern === 'string') return (pattern.match(/\{[^}]*\}/g) ?? []).length;
  return new RegExp(`${pattern.source}|`).exec('')!.length - 1;
}
