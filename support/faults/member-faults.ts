// Container faults on ensemble members, each recorded as data with its inverse.
import { FaultLog } from './fault';
import { StartedZooKeeperMember } from '../../containers/zookeeper/zookeeper-member';

async function startIfDown(member: StartedZooKeeperMember): Promise<void> {
  const state = await member.actions.state();
  if (state === 'paused') await member.resume();
  else if (state !== 'running') await member.start();
}

export const memberFaults = {
  async kill(member: StartedZooKeeperMember, log: FaultLog, role?: string): Promise<void> {
    await member.kill();
    log.record('kill', [member.name], () => startIfDown(member), { role });
  },
  async stop(member: StartedZooKeeperMember, log: FaultLog, role?: string): Promise<void> {
    await member.stop();
    log.record('stop', [member.name], () => startIfDown(member), { role });
  },
  async pause(member: StartedZooKeeperMember, log: FaultLog, role?: string): Promise<void> {
    await member.pause();
    log.record('pause', [member.name], () => startIfDown(member), { role });
  },
  /** Ends the member's pause fault (or unpauses a member paused some other way). */
  async resume(member: StartedZooKeeperMember, log: FaultLog, _role?: string): Promise<void> {
    const fault = log.find('pause', member.name);
    if (fault) await fault.heal();
    else await member.resume();
  },
  /** Graceful stop then start; a killed or stopped member is simply started (and its fault ends). */
  async restart(member: StartedZooKeeperMember, log: FaultLog, _role?: string): Promise<void> {
    const down = log.active().filter((f) => f.record.targets.includes(member.name));
    if (down.length) for (const f of down) await f.heal();
    else await member.restart();
    log.instant('restart', [member.name]);
  },
};
