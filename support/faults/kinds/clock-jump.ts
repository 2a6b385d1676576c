// clock-jump: one process's wall clock moved by whole hours (libfaketime, preloaded in the ZooKeeper and web node
// images, reading its offset from a file the harness writes with the engine's put-archive). Monotonic time is
// left alone (FAKETIME_DONT_FAKE_MONOTONIC): timeouts and sleeps measured on nanoTime are unaffected, as a real
// wall-clock step (NTP, an operator) would leave them. "… clock is right again" puts the offset back to zero.
// A node's JVM takes the offset up within about two seconds (FAKETIME_CACHE_DURATION=1); the step waits until
// the node's /status shows it. A member has no such window on its clock, so its step returns once the file is
// written.
import { FaultContext, FaultKind, phrasing } from '../fault-kind';
import { FaultTarget } from '../container-faults';
import { MemberRef, NodeRef, describeMemberRef, describeNodeRef } from '../../fleet/targets';
import { StartedWebNode } from '../../../containers/web-node/started-web-node';
import { measure, now } from '../../../containers/shared/deadline';

const CLOCK_DIR = '/run/zkh-clock';
const HOUR_MS = 3_600_000;
/** How far a node's reported clock may be from the offset asked: its answer's own round trip, and then some. */
const TOLERANCE_MS = 5_000;

async function setOffset(target: FaultTarget, hours: number, node: StartedWebNode | undefined, deadlineMs: number): Promise<void> {
  const offsetMs = hours * HOUR_MS;
  await target.actions.writeFile(CLOCK_DIR, 'offset', `${hours >= 0 ? '+' : ''}${hours}h\n`);
  if (!node) return;
  const m = await measure(`${node.name}'s clock to be ${hours} h off`, async () => {
    const s = await node.status(1000);
    const off = (s.wallClockMs ?? Date.now()) - Date.now();
    return { ok: Math.abs(off - offsetMs) < TOLERANCE_MS, seen: `its /status says its clock is ${(off / HOUR_MS).toFixed(3)} h off` };
  }, deadlineMs, { pollMs: 100 });
  if (!m.met) throw new Error(`Waited ${deadlineMs} ms for ${node.name}'s JVM to take up a clock offset of ${hours} h, but ${m.lastSeen}.`);
}

async function jump(ctx: FaultContext, target: FaultTarget, node: StartedWebNode | undefined, hours: number, role: string): Promise<void> {
  if (ctx.faults.find('clock-jump', target.name)) throw new Error(`${target.name}'s clock has already jumped: make it right again first.`);
  const startedAtMs = now();
  await setOffset(target, hours, node, ctx.deadline(5000));
  ctx.faults.record('clock-jump', [target.name], () => setOffset(target, 0, node, ctx.deadline(5000)), { params: { hours, role }, family: 'clock', startedAtMs });
}

async function right(ctx: FaultContext, target: FaultTarget): Promise<void> {
  const fault = ctx.faults.find('clock-jump', target.name);
  if (!fault) throw new Error(`${target.name}'s clock has not jumped: there is nothing to make right.`);
  await fault.heal();
}

export const clockJump: FaultKind = {
  kind: 'clock-jump',
  family: 'clock',
  colour: '#00897b',
  phrasings: [
    phrasing("{member}'s clock jumps {int} hour(s) {word}", (ref: MemberRef, h: number, way: string) => `${describeMemberRef(ref)}'s clock jumps ${h} hour(s) ${way}`,
      async (ctx, ref: MemberRef, h: number, way: string) => jump(ctx, await ctx.member(ref), undefined, checked(h, way), describeMemberRef(ref))),
    phrasing("{node}'s clock jumps {int} hour(s) {word}", (ref: NodeRef, h: number, way: string) => `${describeNodeRef(ref)}'s clock jumps ${h} hour(s) ${way}`,
      async (ctx, ref: NodeRef, h: number, way: string) => { const node = await ctx.node(ref); await jump(ctx, node, node, checked(h, way), describeNodeRef(ref)); }),
    phrasing("{member}'s clock is right again", (ref: MemberRef) => `${describeMemberRef(ref)}'s clock is right again`,
      async (ctx, ref: MemberRef) => right(ctx, await ctx.member(ref, ['clock-jump']))),
    phrasing("{node}'s clock is right again", (ref: NodeRef) => `${describeNodeRef(ref)}'s clock is right again`,
      async (ctx, ref: NodeRef) => right(ctx, await ctx.node(ref, ['clock-jump']))),
  ],
};

function checked(hours: number, way: string): number {
  if (way !== 'ahead' && way !== 'back') throw new Error(`A clock jumps "ahead" or "back", not "${way}".`);
  if (hours < 1 || hours > 24 * 365) throw new Error(`A clock jump is 1 hour to a year, not ${hours} hours.`);
  return way === 'ahead' ? hours : -hours;
}
