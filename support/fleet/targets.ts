// Names and roles as the vocabulary writes them, resolved against the live fleet when a step runs.
import { NoRoleHolderError } from '../../containers/shared/errors';
import { SeededRandom } from './seeded-random';
import { retry } from '../../containers/shared/deadline';
import { StartedFleet } from './started-fleet';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { describeModes } from '../../containers/zookeeper/four-letter-words';
import { StartedWebNode } from '../../containers/web-node/started-web-node';

export type MemberRef = { kind: 'name'; name: string } | { kind: 'leader' } | { kind: 'follower' };

export const MEMBER_PATTERN = /zk-\d+|the ZooKeeper leader|a ZooKeeper follower/;

export function parseMemberRef(text: string): MemberRef {
  if (text === 'the ZooKeeper leader') return { kind: 'leader' };
  if (text === 'a ZooKeeper follower') return { kind: 'follower' };
  return { kind: 'name', name: text };
}

export function describeMemberRef(ref: MemberRef): string {
  return ref.kind === 'name' ? ref.name : ref.kind === 'leader' ? 'the ZooKeeper leader' : 'a ZooKeeper follower';
}

/** Resolves a role, waiting up to `waitMs` for it to have a holder (an election may be under way). */
export async function resolveMember(fleet: StartedFleet, ref: MemberRef, random: SeededRandom, waitMs = 0): Promise<StartedZooKeeperMember> {
  return retry(() => resolveOnce(fleet, ref, random), { withinMs: waitMs, retryable: (e) => e instanceof NoRoleHolderError });
}

async function resolveOnce(fleet: StartedFleet, ref: MemberRef, random: SeededRandom): Promise<StartedZooKeeperMember> {
  switch (ref.kind) {
    case 'name':
      return fleet.ensemble.member(ref.name);
    case 'leader':
      return fleet.ensemble.leader();
    case 'follower': {
      const followers = await fleet.ensemble.followers();
      if (followers.length === 0) throw new NoRoleHolderError('a ZooKeeper follower', describeModes(await fleet.ensemble.modes()));
      return random.pick(followers);
    }
  }
}

export type NodeRef = { kind: 'name'; name: string } | { kind: 'leader' } | { kind: 'follower' };

export const NODE_PATTERN = /node-\d+|the Jetty leader|a Jetty follower/;
export const NODE_LIST_PATTERN = /node-\d+(?:(?:, | and )node-\d+)*/;

export function parseNodeRef(text: string): NodeRef {
  if (text === 'the Jetty leader') return { kind: 'leader' };
  if (text === 'a Jetty follower') return { kind: 'follower' };
  return { kind: 'name', name: text };
}

export function parseNodeList(text: string): string[] {
  return text.split(/, | and /).map((s) => s.trim()).filter(Boolean);
}

export function describeNodeRef(ref: NodeRef): string {
  return ref.kind === 'name' ? ref.name : ref.kind === 'leader' ? 'the Jetty leader' : 'a Jetty follower';
}

export async function resolveNode(fleet: StartedFleet, ref: NodeRef, random: SeededRandom, waitMs = 0): Promise<StartedWebNode> {
  if (ref.kind === 'name') return fleet.node(ref.name);
  return retry(async () => {
    const { leader, seen } = await fleet.view.jettyLeader();
    if (leader !== null) {
      if (ref.kind === 'leader') return fleet.node(leader);
      const registered = await fleet.view.registeredNodes();
      const followers = fleet.nodes.filter((n) => n.name !== leader && registered.includes(n.name));
      if (followers.length) return random.pick(followers);
    }
    throw new NoRoleHolderError(describeNodeRef(ref), seen);
  }, { withinMs: waitMs, retryable: (e) => e instanceof NoRoleHolderError });
}
