// What the container fault kinds (kill, stop, pause, restart) share: any fleet container — member or node —
// as a target, each fault recorded as data with its inverse (bring the container back).
import { FaultLog } from './fault';
import { FaultContext, Phrasing, phrasing } from './fault-kind';
import { MemberRef, NodeRef, describeMemberRef, describeNodeRef } from '../fleet/targets';
import { ContainerActions } from '../../containers/shared/container-actions';
import { now } from '../../containers/shared/deadline';

export interface FaultTarget {
  readonly name: string;
  readonly actions: ContainerActions;
  kill(): Promise<void>;
  stop(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  bringBack(): Promise<boolean>;
}

/** Applies a container fault and records it, healed by bringing the container back. */
export async function downFault(kind: 'kill' | 'stop' | 'pause', target: FaultTarget, log: FaultLog, role: string | undefined): Promise<void> {
  const startedAtMs = now();
  await target[kind]();
  log.record(kind, [target.name], async () => { await target.bringBack(); }, { params: { role }, startedAtMs });
}

/** The faults that keep a container down, which a restart (or resume) of it ends. */
export const DOWN_KINDS = ['kill', 'stop', 'pause'] as const;


/**
 * A step wording for a member and for a node alike ("{member} is stopped", "{node} is stopped"): the target is
 * resolved by name or role (as whom the role named at an `undoing` fault), then `act` runs on it with the role
 * as written.
 */
export function memberOrNode(words: string, act: (ctx: FaultContext, target: FaultTarget, role: string) => Promise<void>, undoing?: readonly string[]): Phrasing[] {
  return [
    phrasing(`{member} ${words}`, (ref: MemberRef) => `${describeMemberRef(ref)} ${words}`,
      async (ctx, ref: MemberRef) => act(ctx, await ctx.member(ref, undoing), describeMemberRef(ref))),
    nodePhrasing(words, act, undoing),
  ];
}

/** The same for a node only ("{node} crashes"). */
export function nodePhrasing(words: string, act: (ctx: FaultContext, target: FaultTarget, role: string) => Promise<void>, undoing?: readonly string[]): Phrasing {
  return phrasing(`{node} ${words}`, (ref: NodeRef) => `${describeNodeRef(ref)} ${words}`,
    async (ctx, ref: NodeRef) => act(ctx, await ctx.node(ref, undoing), describeNodeRef(ref)));
}
