// Link faults without netem: latency (± jitter), reordering, burst loss and duplication on the packets between
// two sides, in one direction or both, applied by link-shaper in nemesis sidecars (NFQUEUE), recorded with their
// inverse like every network fault. Delay, reordering and loss act where packets arrive (the receiver's INPUT),
// duplication where they leave (the sender's OUTPUT): see containers/nemesis/image/link-shaper.c.
//
// Added latency is measured, not assumed: before the rules go in, a sidecar pings across the link; after, it
// pings again. The history records both, and "the latency measured … is" steps measure again.
import { FaultLog } from './fault';
import { FaultContext } from './fault-kind';
import { StartedFleet } from '../fleet/started-fleet';
import { StartedNemesisSidecar } from '../../containers/nemesis/nemesis-sidecar';
import { now } from '../../containers/shared/deadline';
import { SettingError } from '../../containers/shared/errors';
import { fleetAddresses, healSidecars, inForce, sideOf, sidecarFor } from './network-faults';
import { quantile } from '../checks/availability';

export interface LinkShape {
  readonly delayMs?: number;
  readonly jitterMs?: number;
  /** Share of packets released at once, ahead of the delayed ones. */
  readonly reorderShare?: number;
  /** Gilbert–Elliott: into a burst with p, out of it with r. */
  readonly burstLoss?: { readonly p: number; readonly r: number };
  readonly duplicateShare?: number;
}

export interface LinkFault {
  readonly kind: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Both directions, or only packets from `from` to `to`. */
  readonly bothWays: boolean;
  readonly shape: LinkShape;
}

/** Ping statistics of a link, in ms. */
export interface LinkLatency {
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly samples: number;
}

const PING_COUNT = 20;
const PING_INTERVAL_MS = 10;
/** NFQUEUE numbers are per network namespace; a fresh one per shaper lets faults on one container coexist. */
let nextQueue = 0;
const queueNumber = () => (nextQueue = (nextQueue % 65535) + 1);

export function shaperArgs(shape: LinkShape): string[] {
  const args: string[] = [];
  if (shape.delayMs) args.push('-d', String(shape.delayMs));
  if (shape.jitterMs) args.push('-j', String(shape.jitterMs));
  if (shape.reorderShare) args.push('-r', String(shape.reorderShare));
  if (shape.burstLoss) args.push('-l', String(shape.burstLoss.p), '-b', String(shape.burstLoss.r));
  if (shape.duplicateShare) args.push('-u', String(shape.duplicateShare));
  return args;
}

/** Gilbert–Elliott parameters for a mean loss and a mean burst length (in packets). */
export function burstLossFor(share: number, meanBurst = 3): { p: number; r: number } {
  if (!(share > 0 && share < 1)) throw new SettingError(`A burst loss is a share between 0 and 100%, not ${share * 100}%.`);
  const r = 1 / meanBurst;
  return { p: (share * r) / (1 - share), r };
}

/**
 * Which container shapes what: for delay, reordering and loss, each receiver queues what arrives from each
 * sender; for duplication, each sender queues what leaves for each receiver. One shaper per container.
 */
export function shapingPlan(fault: LinkFault): Map<string, { chain: 'INPUT' | 'OUTPUT'; peers: string[] }> {
  const overlap = fault.from.filter((n) => fault.to.includes(n));
  if (overlap.length) throw new SettingError(`${overlap.join(', ')} is on both ends of the link.`);
  const duplicate = (fault.shape.duplicateShare ?? 0) > 0;
  const plan = new Map<string, { chain: 'INPUT' | 'OUTPUT'; peers: string[] }>();
  const directions: [readonly string[], readonly string[]][] = fault.bothWays ? [[fault.from, fault.to], [fault.to, fault.from]] : [[fault.from, fault.to]];
  for (const [senders, receivers] of directions) {
    const [shapers, peers] = duplicate ? [senders, receivers] : [receivers, senders];
    for (const name of shapers) {
      const entry = plan.get(name) ?? { chain: duplicate ? 'OUTPUT' : 'INPUT', peers: [] };
      entry.peers.push(...peers);
      plan.set(name, entry);
    }
  }
  return plan;
}

export function latencyOf(times: readonly number[]): LinkLatency {
  const at = (q: number) => Math.round(quantile(times, q) * 100) / 100;
  return { medianMs: at(0.5), p99Ms: at(0.99), samples: times.length };
}

/** Pings from `from` to `to` (the first of each side) through a short-lived sidecar. */
export async function measureLink(fleet: StartedFleet, from: string, to: string): Promise<LinkLatency> {
  const peer = (await fleetAddresses(fleet, [to])).get(to)!;
  const probe = await sidecarFor(fleet, from);
  try {
    const times = await probe.pingTimes(peer, PING_COUNT, PING_INTERVAL_MS);
    if (times.length === 0) throw new Error(`no ping from ${from} to ${to} (${peer}) was answered`);
    return latencyOf(times);
  } finally {
    await probe.remove().catch(() => undefined);
  }
}

export async function applyLinkFault(fleet: StartedFleet, fault: LinkFault, log: FaultLog, extra: Record<string, unknown> = {}): Promise<void> {
  const plan = shapingPlan(fault);
  const names = [...new Set([...fault.from, ...fault.to])];
  const address = await fleetAddresses(fleet, names);
  const delayed = (fault.shape.delayMs ?? 0) > 0;
  const [a, b] = [fault.from[0]!, fault.to[0]!];
  // The baseline is the harness's work too: the fault's harness span begins before it, its start after it.
  const measuringFromMs = now();
  const before = delayed ? await measureLink(fleet, a, b) : undefined;
  const startedAtMs = now();
  const sidecars: StartedNemesisSidecar[] = [];
  const heal = () => healSidecars(fleet, fault.kind, sidecars, log);
  try {
    // Every receiver's shaper at once; the first failure is thrown once all have settled (and all are healed).
    const failures: Error[] = [];
    await Promise.all([...plan].map(async ([name, { chain, peers }]) => {
      const sidecar = await sidecarFor(fleet, name).catch((e: Error) => { failures.push(e); return undefined; });
      if (!sidecar) return;
      sidecars.push(sidecar);
      await sidecar.shape(peers.map((n) => address.get(n)!), chain, queueNumber(), shaperArgs(fault.shape)).catch((e: Error) => failures.push(e));
    }));
    if (failures.length) throw failures[0];
  } catch (e) {
    await heal().catch(() => undefined);
    throw e;
  }
  const { inForceFromMs, ...applied } = inForce(startedAtMs, sidecars);
  const after = delayed ? await measureLink(fleet, a, b) : undefined;
  const perDirection = (x: number) => Math.round((x / (fault.bothWays ? 2 : 1)) * 10) / 10;
  const measured = before && after ? {
    link: `${a} → ${b} → ${a}`, baselineRttMs: before.medianMs, rttMs: after.medianMs, rttP99Ms: after.p99Ms,
    addedMedianMs: perDirection(after.medianMs - before.medianMs), addedP99Ms: perDirection(after.p99Ms - before.medianMs),
  } : undefined;
  log.record(fault.kind, names, heal, { params: { ...extra, from: fault.from, to: fault.to, bothWays: fault.bothWays, ...fault.shape, ...(measured ? { measured } : {}), ...applied }, family: 'network', startedAtMs: inForceFromMs, applyingFromMs: measuringFromMs });
}

/** A link fault between (or from–to) two sides as a step names them ("node-1", "zk-2 and zk-3", "ZooKeeper"). */
export function shapeLink(ctx: FaultContext, kind: string, a: string, b: string, shape: LinkShape, bothWays = true): Promise<void> {
  return applyLinkFault(ctx.fleet, { kind, from: sideOf(ctx.fleet, a), to: sideOf(ctx.fleet, b), bothWays, shape }, ctx.faults);
}

export interface AddedLatencyVerdict {
  readonly ok: boolean;
  readonly summary: string;
}

/**
 * Measures the latency a running latency fault adds on the link between sides `a` and `b`, per direction: the
 * median round trip now minus the one measured before the fault, halved when both directions are delayed.
 */
export async function judgeAddedLatency(fleet: StartedFleet, log: FaultLog, a: readonly string[], b: readonly string[], askedMs: number, toleranceMs: number): Promise<AddedLatencyVerdict> {
  const same = (x: unknown, y: readonly string[]) => Array.isArray(x) && x.length === y.length && x.every((n, i) => n === y[i]);
  const fault = log.active().find((f) => f.record.kind === 'latency' && ((same(f.record.params?.from, a) && same(f.record.params?.to, b)) || (same(f.record.params?.from, b) && same(f.record.params?.to, a))));
  if (!fault) throw new SettingError(`No latency fault is active on the link between ${a.join(', ')} and ${b.join(', ')}: add "When the link between … gets … ms of latency" first.`);
  const p = fault.record.params as { from: string[]; to: string[]; bothWays: boolean; measured?: { baselineRttMs: number } };
  if (!p.measured) throw new Error(`The latency fault on ${a.join(', ')} ↔ ${b.join(', ')} recorded no baseline round trip.`);
  const current = await measureLink(fleet, p.from[0]!, p.to[0]!);
  const per = (x: number) => (x - p.measured!.baselineRttMs) / (p.bothWays ? 2 : 1);
  const added = per(current.medianMs), addedP99 = per(current.p99Ms);
  const summary = `${p.bothWays ? 'each direction' : 'one direction'} of ${p.from[0]} ↔ ${p.to[0]} adds ${added.toFixed(1)} ms at the median, ${addedP99.toFixed(1)} ms at p99 ` +
    `(${current.samples} pings: round trip ${current.medianMs} ms against ${p.measured.baselineRttMs} ms before the fault; asked ${askedMs} ± ${toleranceMs} ms)`;
  return { ok: Math.abs(added - askedMs) <= toleranceMs, summary };
}
