// Brackets every fault step of a scenario: who led just before (as the history last saw it), when the step
// began and when it ended. Recoveries are measured from the end; `within` replays the history from the start.
import { StartedFleet } from '../fleet/started-fleet';
import { History } from '../history/history';
import { FleetState } from '../history/fleet-state';
import { isLeading } from '../../containers/zookeeper/four-letter-words';
import { now } from '../../containers/shared/deadline';
import { progress } from '../progress';

export class FaultBracket {
  /** performance.now() at the start and the end of the last fault step; null before the first. */
  lastStartMs: number | null = null;
  lastEndMs: number | null = null;
  /** Who led just before the last fault, for "elects a new leader" and "a new Jetty leader is elected". */
  zkLeaderBefore: string | null = null;
  jettyLeaderBefore: string | null = null;

  constructor(private readonly history: History) {}

  async run(fleet: StartedFleet, description: string, act: () => Promise<void>): Promise<void> {
    const state = FleetState.of(this.history.events());
    const zkLeaders = Object.entries(state.modes()).filter(([, m]) => isLeading(m)).map(([n]) => n);
    this.zkLeaderBefore = zkLeaders.length === 1 ? zkLeaders[0]! : await fleet.ensemble.leader().then((m) => m.name, () => null);
    if (fleet.nodes.length) this.jettyLeaderBefore = state.jettyLeader().leader;
    progress(`fault: ${description}`);
    this.lastStartMs = now();
    await act();
    this.lastEndMs = now();
  }
}
