// Container faults (kill, stop, pause, restart) on any fleet container — members and nodes alike — each
// recorded as data with its inverse.
import { FaultLog } from './fault';
import { ContainerActions } from '../../containers/shared/container-actions';

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


export type ContainerFaultAction = 'kill' | 'stop' | 'pause' | 'resume' | 'restart';

export const containerFaults: Record<ContainerFaultAction, (target: FaultTarget, log: FaultLog, role?: string) => Promise<void>> = {
  async kill(target, log, role) {
    await target.kill();
    log.record('kill', [target.name], () => target.bringBack(), { role });
  },
  async stop(target, log, role) {
    await target.stop();
    log.record('stop', [target.name], () => target.bringBack(), { role });
  },
  async pause(target, log, role) {
    await target.pause();
    log.record('pause', [target.name], () => target.bringBack(), { role });
  },
  /** Ends the target's pause fault (or unpauses a container paused some other way). */
  async resume(target, log) {
    const fault = log.find('pause', target.name);
    if (fault) await fault.heal();
    else await target.resume();
  },
  /** Graceful stop then start; a killed, stopped or paused target is brought back (and its fault ends). */
  async restart(target, log) {
    const down = log.active().filter((f) => ['kill', 'stop', 'pause'].includes(f.record.kind) && f.record.targets.includes(target.name));
    if (down.length) for (const f of down) await f.heal();
    else await target.restart();
    log.instant('restart', [target.name]);
  },
};

/** Which faults a step undoes, so a role in it means the member the role named when the fault began. */
export function undoneBy(action: ContainerFaultAction): ('kill' | 'stop' | 'pause')[] | undefined {
  return action === 'resume' ? ['pause'] : action === 'restart' ? ['kill', 'stop', 'pause'] : undefined;
}
