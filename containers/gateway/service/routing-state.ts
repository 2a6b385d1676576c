import type { Backend, BackendTable, Refusal } from './backend-policy';
import { originOf } from './backend-policy';
import type { ConnectionState } from '../../zookeeper-client/connection-states';
import { log } from './log';

/** What the gateway knows, as status and routing read it. */
export interface RoutingView {
  readonly zk: ConnectionState | null;
  readonly table: BackendTable;
  /** false until the service path has been read once. */
  readonly tableRead: boolean;
  readonly servicePathExists: boolean;
  readonly leader: string | null;
  /** false until the latch path has been read once. */
  readonly leaderRead: boolean;
}

/** The live table: replaced whole by each read, logged once per change. */
export class RoutingState implements RoutingView {
  zk: ConnectionState | null = null;
  table: BackendTable = { backends: [], refused: [] };
  tableRead = false;
  servicePathExists = false;
  leader: string | null = null;
  leaderRead = false;

  setZk(state: ConnectionState): void {
    this.zk = state;
  }

  /**
   * Replaces the table; answers whether it changed. A table read because the connection was
   * (re)established is logged even when unchanged, so the log shows every re-read.
   */
  setTable(table: BackendTable, servicePathExists: boolean, readAfter: ConnectionState | null = null): boolean {
    const changed = !this.tableRead || describeTable(table) !== describeTable(this.table);
    this.table = table;
    this.tableRead = true;
    this.servicePathExists = servicePathExists;
    if (changed || readAfter !== null) {
      const topic = readAfter === null ? 'backends' : `backends (read after ${readAfter}${changed ? '' : ', unchanged'})`;
      log(topic, describeTable(table) + (servicePathExists ? '' : ' (the service path does not exist)'));
    }
    return changed;
  }

  setLeader(leader: string | null): void {
    const first = !this.leaderRead;
    this.leaderRead = true;
    if (leader === this.leader && !first) return;
    this.leader = leader;
    log('leader', leader ?? 'none');
  }
}

export function describeTable(table: BackendTable): string {
  const backends = table.backends.map(describeBackend).join(', ') || 'none';
  const refused = table.refused.map(describeRefusal).join(', ');
  return refused === '' ? backends : `${backends}; refused ${refused}`;
}

function describeBackend(backend: Backend): string {
  return `${backend.node} (${originOf(backend)}, ${backend.id})`;
}

function describeRefusal(refusal: Refusal): string {
  return `${refusal.id} (${refusal.reason})`;
}
