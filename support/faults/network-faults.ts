// Network faults as data: cut-offs, isolation, partitions and packet loss between named sides. Each applies
// through nemesis sidecars and records its inverse (flush the rules, remove the sidecars).
import { FaultLog, FaultKind } from './fault';
import { StartedFleet } from '../fleet/started-fleet';
import { NemesisSidecar, StartedNemesisSidecar } from '../../containers/nemesis/nemesis-sidecar';
import { containerAddress } from '../docker/engine';
import { runIdentity } from '../docker/run-identity';
import { requireImage } from '../images/image-catalog';
import { ContainerActions } from '../docker/container-actions';
import { SettingError } from '../errors';

export interface NetworkFault {
  readonly kind: Extract<FaultKind, 'cut-off' | 'isolate' | 'partition' | 'one-way-cut' | 'packet-loss'>;
  /** Sides: every container on one side loses its traffic to every container on the others. */
  readonly sides: readonly (readonly string[])[];
  readonly probability?: number;
  readonly direction?: 'both' | 'outbound';
}

function containerOf(fleet: StartedFleet, name: string): ContainerActions {
  const member = fleet.ensemble.members.find((m) => m.name === name);
  if (member) return member.actions;
  if (name === 'gateway') return fleet.gateway().actions;
  return fleet.node(name).actions;
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

export async function applyNetworkFault(fleet: StartedFleet, fault: NetworkFault, log: FaultLog, extra: Record<string, unknown> = {}): Promise<void> {
  for (const name of fault.sides.flat()) containerOf(fleet, name); // unknown names fail before anything is cut
  const address = new Map<string, string>();
  for (const name of fault.sides.flat()) address.set(name, await containerAddress(containerOf(fleet, name).id, fleet.network.name));
  const sidecars: StartedNemesisSidecar[] = [];
  const heal = async () => {
    const errors: string[] = [];
    for (const s of sidecars) await s.heal().catch((e: Error) => errors.push(e.message));
    if (errors.length) throw new Error(errors.join('; '));
  };
  try {
    const image = requireImage('nemesis').reference;
    for (const [i, side] of fault.sides.entries()) {
      // One-way cuts act from the first side only; otherwise both ends drop, so neither direction passes.
      if (fault.direction === 'outbound' && i > 0) continue;
      const others = fault.sides.filter((_, j) => j !== i).flat().map((n) => address.get(n)!);
      for (const name of side) {
        const sidecar = await new NemesisSidecar(containerOf(fleet, name).id, name).withImage(image).withLabels(runIdentity().labels).start();
        sidecars.push(sidecar);
        if (fault.kind === 'packet-loss') await sidecar.loss(others, fault.probability ?? 0.2);
        else await sidecar.drop(others, fault.direction ?? 'both');
      }
    }
  } catch (e) {
    await heal().catch(() => undefined);
    throw e;
  }
  log.record(fault.kind, fault.sides.flat(), heal, { ...extra, sides: fault.sides, probability: fault.probability, direction: fault.direction });
}
