// What the disk fault kinds (slow-disk, full-disk) share: a member's disk is switched through the control files
// of the disk-faults shim preloaded in the ZooKeeper image (containers/zookeeper/image/disk-faults.c), written
// with the engine's put-archive so a switch can be flipped on a stopped or killed member too. The member's data
// stays on its own filesystem: kill, stop and restart keep it, and a fault outlives a restart as a real disk's
// would, until "<member>'s disk is healthy again", which also starts a member that exited on its full disk.
import { FaultContext, phrasing } from './fault-kind';
import { MemberRef, describeMemberRef } from '../fleet/targets';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';
import { now } from '../../containers/shared/deadline';
import { progress } from '../progress';

const CONTROL_DIR = '/run/zkh-disk';
export const DISK_KINDS = ['slow-disk', 'full-disk'] as const;
type DiskKind = typeof DISK_KINDS[number];

/** Each kind's switch file in CONTROL_DIR; 0 in it means healthy (no delay, not full). */
const SWITCHES: Record<DiskKind, string> = { 'slow-disk': 'fsync-delay-ms', 'full-disk': 'full' };

/** Sets a member's disk switch and records the fault, healed by setting it back. */
export async function diskFault(ctx: FaultContext, ref: MemberRef, kind: DiskKind, value: string, params: Record<string, unknown>): Promise<void> {
  const member = await ctx.member(ref);
  if (ctx.faults.find(kind, member.name)) throw new Error(`${member.name}'s disk already has a ${kind} fault.`);
  const startedAtMs = now();
  const file = SWITCHES[kind];
  await member.actions.writeFile(CONTROL_DIR, file, `${value}\n`);
  const heal = async () => {
    await member.actions.writeFile(CONTROL_DIR, file, '0\n');
    // ZooKeeper exits (code 10) when it cannot write its log or snapshot; once there is space again its
    // supervisor would start it, and so does this heal, saying so.
    if (kind === 'full-disk' && !(await member.isRunning())) {
      progress(`${member.name} had exited on its full disk; started again now that it has space`);
      await member.bringBack();
    }
  };
  ctx.faults.record(kind, [member.name], heal, { params: { ...params, role: describeMemberRef(ref) }, family: 'disk', startedAtMs });
}

/** "<member>'s disk is healthy again": every disk fault of that member ends (a role means whom it named then). */
export const diskHeals = phrasing("{member}'s disk is healthy again", (ref: MemberRef) => `${describeMemberRef(ref)}'s disk is healthy again`, async (ctx, ref: MemberRef) => {
  const member: StartedZooKeeperMember = await ctx.member(ref, DISK_KINDS);
  const faults = ctx.faults.active().filter((f) => f.record.family === 'disk' && f.record.targets.includes(member.name));
  if (faults.length === 0) throw new Error(`${member.name}'s disk has no fault to heal.`);
  for (const f of faults) await f.heal();
});
