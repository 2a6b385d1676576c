// What the container fault kinds (kill, stop, pause, restart) share: any fleet container — member or node —
// as a target, each fault recorded as data with its inverse (bring the container back).
import { FaultLog } from './fault';
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
  bringBack(): Promise<void>;
}

/** Applies a container fault and records it, healed by bringing the container back. */
export async function downFault(kind: 'kill' | 'stop' | 'pause', target: FaultTarget, log: FaultLog, role: string | undefined): Promise<void> {
  const startedAtMs = now();
  await target[kind]();
  log.record(kind, [target.name], () => target.bringBack(), { params: { role }, startedAtMs });
}

/** The faults that keep a container down, which a restart (or resume) of it ends. */
export const DOWN_KINDS = ['kill', 'stop', 'pause'] as const;

