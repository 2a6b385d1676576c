// Network faults as data: cut-offs, isolation, partitions and packet loss between named sides. Each applies
// through nemesis sidecars and records its inverse (flush the rules, remove the sidecars).
import { FaultLog } from './fault';
import { phrasing } from './fault-kind';
import { StartedFleet } from '../fleet/started-fleet';
import { NemesisSidecar, StartedNemesisSidecar, stopSidecar } from '../../containers/nemesis/nemesis-sidecar';
import { containerAddress, containerStartedAt } from '../../containers/shared/engine';
import { runIdentity } from '../docker/run-identity';
import { requireImage } from '../images/image-catalog';
import { ContainerActions } from '../../containers/shared/container-actions';
import { SettingError } from '../../containers/shared/errors';
import { retry, now } from '../../containers/shared/deadline';
import { progress } from '../progress';

export interface NetworkFault {
  /** The network fault kind (support/faults/kinds/): cut-off, isolate, partition, packet-loss, … */
  readonly kind: string;
  readonly kbitPerSecond?: number;
  /** Sides: every container on one side loses its traffic to every container on the others. */
  readonly sides: readonly (readonly string[])[];
  readonly probability?: number;
  readonly direction?: 'both' | 'outbound';
}

export function containerOf(fleet: StartedFleet, name: string): ContainerActions {
  const member = fleet.ensemble.members.find((m) => m.name === name);
  if (member) return member.actions;
  if (name === 'gateway') return fleet.gateway().actions;
  return fleet.node(name).actions;
}

/** Who drops whom: every container on one side drops every container on the others (one-way: first side only). */
export function cutPlan(fault: NetworkFault): Map<string, string[]> {
  const plan = new Map<string, string[]>();
  for (const [i, side] of fault.sides.entries()) {
    if (fault.direction === 'outbound' && i > 0) continue;
    const others = fault.sides.filter((_, j) => j !== i).flat();
    for (const name of side) plan.set(name, [...(plan.get(name) ?? []), ...others]);
  }
  return plan;
}

/**
 * Jepsen's majorities ring: members sit on a ring and each reaches only its neighbours, so each sees a
 * majority but no two see the same one.
 */
export function majoritiesRing(members: readonly string[]): Map<string, string[]> {
  if (members.length !== 5) throw new SettingError(`A majorities ring needs a 5-member ensemble, this one has ${members.length}.`);
  const n = members.length;
  const ringDistance = (i: number, j: number) => Math.min((i - j + n) % n, (j - i + n) % n);
  // With five, keeping the two ring neighbours leaves each member exactly three of five.
  return new Map(members.map((m, i) => [m, members.filter((_, j) => ringDistance(i, j) > 1)]));
}

/** Parses "zk-1, zk-2 and node-1 | zk-3, node-2 and node-3" into sides; every member must be on a side. */
export function parsePartition(text: string, members: readonly string[]): string[][] {
  const sides = text.split('|').map((side) => side.split(/,| and /).map((s) => s.trim()).filter(Boolean));
  if (sides.length < 2) throw new SettingError(`A partition needs at least two sides separated by "|", got "${text}".`);
  const listed = sides.flat();
  const missing = members.filter((m) => !listed.includes(m));
  if (missing.length) throw new SettingError(`Every ZooKeeper member must be on a side of the partition; ${missing.join(', ')} is on none.`);
  const twice = listed.filter((n, i) => listed.indexOf(n) !== i);
  if (twice.length) throw new SettingError(`${twice.join(', ')} is on more than one side of the partition.`);
  return sides;
}

/**
 * The nemesis image, resolved once per process: requireImage asks the engine synchronously, and a fault starts
 * several sidecars while the observers must keep polling every 50 ms (a blocked event loop is a gap in the history).
 */
let nemesisImage: string | undefined;
const nemesisReference = () => (nemesisImage ??= requireImage('nemesis').reference);

/**
 * A nemesis sidecar in the network namespace of the fleet container `name`, for one fault. The container is kept
 * for the fleet's life while its target runs, so only the first fault on a target pays for starting it (~0.5 s);
 * a target started again has a new namespace and gets a new sidecar. Healing removes the fault's own rules only.
 */
export async function sidecarFor(fleet: StartedFleet, name: string): Promise<StartedNemesisSidecar> {
  const targetId = containerOf(fleet, name).id;
  const prior = fleet.sidecars.get(name);
  // Chained on the previous lookup for this target, so two faults at once never start two containers for it.
  const next = (async () => {
    const startedAt = await containerStartedAt(targetId);
    const cached = await prior?.catch(() => undefined);
    if (cached && cached.targetId === targetId && cached.startedAt === startedAt && startedAt !== null) return cached;
    if (cached) void stopSidecar(cached).catch(() => undefined);
    const started = await new NemesisSidecar(targetId, name).withImage(nemesisReference()).withLabels(runIdentity().labels).startContainer();
    return { ...started, targetId, startedAt };
  })();
  fleet.sidecars.set(name, next);
  try {
    const { container, shell } = await next;
    return new StartedNemesisSidecar(name, container, shell, async () => undefined);
  } catch (e) {
    if (fleet.sidecars.get(name) === next) fleet.sidecars.delete(name);
    throw e;
  }
}

/** Each named container's address on the fleet network; an unknown name fails before any address is asked for. */
export async function fleetAddresses(fleet: StartedFleet, names: readonly string[]): Promise<Map<string, string>> {
  const containers = names.map((name) => [name, containerOf(fleet, name)] as const);
  const address = new Map<string, string>();
  for (const [name, container] of containers) address.set(name, await containerAddress(container.id, fleet.network.name));
  return address;
}

/**
 * When a set of sidecars' last changes took effect: each somewhere between its command's start and return, so the
 * fault was in force (or gone) at `lastMs` at the latest and not before `firstMs`; null when none changed anything.
 */
export function changeSpan(sidecars: readonly StartedNemesisSidecar[]): { firstMs: number; lastMs: number } | null {
  const changes = sidecars.map((s) => s.lastChange).filter((c): c is NonNullable<typeof c> => c !== null);
  if (!changes.length) return null;
  return { firstMs: Math.min(...changes.map((c) => c.atMs - c.tookMs)), lastMs: Math.max(...changes.map((c) => c.atMs)) };
}

/**
 * The inverse of a network fault applied through `sidecars`: each undoes its own rules (a shaper says what it
 * handled), then the heal is verified. Errors are collected so every sidecar gets its chance.
 */
export async function healSidecars(fleet: StartedFleet, kind: string, sidecars: readonly StartedNemesisSidecar[], log?: FaultLog): Promise<number> {
  const startedAt = now();
  const errors: Error[] = [];
  // Each sidecar undoes its own rules; they are independent, so all at once.
  await Promise.all(sidecars.map(async (s) => {
    await s.heal().catch((e: Error) => errors.push(e));
    // How many packets a link shaper handled and how late its releases were (no real-time priority in a container).
    if (s.shaperStats) progress(`${kind} on ${s.targetName}: ${s.shaperStats}`);
  }));
  if (errors.length) throw new AggregateError(errors, `healing ${kind} left errors: ${errors.map((e) => e.message).join('; ')}`);
  const rulesOutAt = now();
  // The fault ended when its last rule went (before the verification below, which only confirms it).
  const endedAtMs = changeSpan(sidecars)?.lastMs ?? rulesOutAt;
  // Members can reach each other only once no network fault is left: while another one is still on (the network
  // heals one fault after another), this one's heal is verified with the last (a CI run failed a verification
  // here because 20% bursty loss between two members was still in place).
  if (log && log.active().filter((a) => a.record.family === 'network').length > 1) {
    progress(`healed ${kind}: rules out in ${Math.round(rulesOutAt - startedAt)} ms; reachability is verified when the last network fault heals`);
    return endedAtMs;
  }
  await verifyMembersReachEachOther(fleet);
  progress(`healed ${kind}: rules out in ${Math.round(rulesOutAt - startedAt)} ms, every member reaching every other verified ${Math.round(now() - rulesOutAt)} ms later`);
  return endedAtMs;
}

export async function applyNetworkFault(fleet: StartedFleet, fault: NetworkFault, log: FaultLog, extra: Record<string, unknown> = {}): Promise<void> {
  const startedAtMs = now();
  const plan = fault.kind === 'majorities-ring' ? majoritiesRing(fault.sides.flat()) : cutPlan(fault);
  const address = await fleetAddresses(fleet, [...new Set([...plan.keys(), ...[...plan.values()].flat()])]);
  const sidecars: StartedNemesisSidecar[] = [];
  const heal = () => healSidecars(fleet, fault.kind, sidecars, log);
  try {
    // Every container's rules at once: the fault is in force when the slowest sidecar is done.
    const failures: Error[] = [];
    await Promise.all([...plan].map(async ([name, dropped]) => {
      if (dropped.length === 0 && fault.kind !== 'bandwidth') return;
      const sidecar = await sidecarFor(fleet, name).catch((e: Error) => { failures.push(e); return undefined; });
      if (!sidecar) return;
      sidecars.push(sidecar);
      const peers = dropped.map((n) => address.get(n)!);
      // Both ends drop (each side has its own sidecar), so a "both" cut holds even for established connections.
      const applying = fault.kind === 'packet-loss' ? sidecar.loss(peers, fault.probability ?? 0.2)
        : fault.kind === 'bandwidth' ? sidecar.limitBandwidth(address.get(name)!, fault.kbitPerSecond ?? 256)
          : sidecar.drop(peers, fault.direction ?? 'both');
      await applying.catch((e: Error) => failures.push(e));
    }));
    if (failures.length) throw failures[0];
  } catch (e) {
    await heal().catch(() => undefined);
    throw e;
  }
  const { inForceFromMs, ...applied } = inForce(startedAtMs, sidecars);
  const params = { ...extra, sides: fault.sides, probability: fault.probability, direction: fault.direction, kbitPerSecond: fault.kbitPerSecond, ...applied };
  log.record(fault.kind, fault.sides.flat(), heal, { params, family: 'network', startedAtMs: inForceFromMs, applyingFromMs: startedAtMs });
}

/**
 * When a fault applied through `sidecars` took effect, for the history: from the first rule command's start
 * (applying's start when no command changed anything); with how long applying took from the step's start
 * (sidecars started or reused included) and within how many ms of that start it was wholly in force.
 */
export function inForce(applyingFromMs: number, sidecars: readonly StartedNemesisSidecar[]): { inForceFromMs: number; appliedInMs: number; inForceWithinMs?: number } {
  const span = changeSpan(sidecars);
  return {
    inForceFromMs: span?.firstMs ?? applyingFromMs,
    appliedInMs: Math.round((span?.lastMs ?? now()) - applyingFromMs),
    ...(span ? { inForceWithinMs: Math.round(span.lastMs - span.firstMs) } : {}),
  };
}

/** After a heal, the network must be as it was: every member opens a TCP connection to every other's election port. */
export async function verifyMembersReachEachOther(fleet: StartedFleet, withinMs = 10_000): Promise<void> {
  const running = await fleet.ensemble.runningMembers();
  const addresses = await fleetAddresses(fleet, running.map((m) => m.name));
  const probes = await Promise.all(running.map((m) => sidecarFor(fleet, m.name)));
  try {
    await retry(async () => {
      const missing: string[] = [];
      await Promise.all(probes.map(async (probe, i) => {
        const peers = running.filter((_, j) => j !== i).map((p) => addresses.get(p.name)!);
        for (const ip of await probe.reaches(peers, 3888)) missing.push(`${running[i].name} -> ${[...addresses].find(([, a]) => a === ip)?.[0] ?? ip}`);
      }));
      if (missing.length) throw new Error(`after the heal, members still can't reach each other: ${missing.join(', ')}`);
    }, { withinMs, pauseMs: 200 });
  } finally {
    await Promise.all(probes.map((p) => p.remove().catch(() => undefined)));
  }
}

/** "When the network heals": every active fault of the network family ends, then the heal is verified. */
export const networkHeals = phrasing('the network heals', () => 'the network heals', async (ctx) => {
  for (const fault of ctx.faults.active()) {
    if (fault.record.family === 'network') await fault.heal();
  }
});

/** "ZooKeeper" stands for every member; otherwise a list of names ("node-1 and node-3"). */
export function sideOf(fleet: StartedFleet, text: string): string[] {
  return text === 'ZooKeeper' ? fleet.ensemble.members.map((m) => m.name) : text.split(/,| and /).map((s) => s.trim()).filter(Boolean);
}
