// Every fault kind, listed once. A new kind is one module under kinds/ plus its line here (and a feature that
// uses it): steps/faults.steps.ts defines its phrasings, the report draws it in its colour.
import { FaultKind, Phrasing } from './fault-kind';
import { kill } from './kinds/kill';
import { stop } from './kinds/stop';
import { pause } from './kinds/pause';
import { restartKind } from './kinds/restart';
import { cutOff } from './kinds/cut-off';
import { oneWayCut } from './kinds/one-way-cut';
import { isolate } from './kinds/isolate';
import { partition } from './kinds/partition';
import { packetLoss } from './kinds/packet-loss';
import { bandwidth } from './kinds/bandwidth';
import { majoritiesRing } from './kinds/majorities-ring';
import { malformedConfig } from './kinds/malformed-config';
import { latency } from './kinds/latency';
import { reorder } from './kinds/reorder';
import { duplicate } from './kinds/duplicate';
import { burstLoss } from './kinds/burst-loss';
import { slowDisk } from './kinds/slow-disk';
import { fullDisk } from './kinds/full-disk';
import { clockJump } from './kinds/clock-jump';
import { networkHeals } from './network-faults';
import { diskHeals } from './disk-faults';

export const FAULT_KINDS: readonly FaultKind[] = [kill, stop, pause, restartKind, cutOff, oneWayCut, isolate, partition, packetLoss, bandwidth, majoritiesRing, latency, reorder, duplicate, burstLoss, slowDisk, fullDisk, clockJump, malformedConfig];

/** Steps that end faults of a family rather than start one. */
export const HEAL_PHRASINGS: readonly Phrasing[] = [networkHeals, diskHeals];

/** The colour a fault kind is drawn in on the report's timeline. */
export function faultColour(kind: string): string {
  return FAULT_KINDS.find((k) => k.kind === kind)?.colour ?? '#607d8b';
}
