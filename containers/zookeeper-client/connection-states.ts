/** Curator's names for a ZooKeeper connection, as the session's listeners hear them and the gateway reports them. */
export type ConnectionState = 'CONNECTED' | 'SUSPENDED' | 'LOST' | 'RECONNECTED';

/** node-zookeeper-client's raw client states (State's name). */
export type RawState =
  | 'DISCONNECTED'
  | 'SYNC_CONNECTED'
  | 'CONNECTED_READ_ONLY'
  | 'SASL_AUTHENTICATED'
  | 'AUTH_FAILED'
  | 'EXPIRED';

const RAW_STATES: ReadonlySet<string> = new Set<RawState>([
  'DISCONNECTED',
  'SYNC_CONNECTED',
  'CONNECTED_READ_ONLY',
  'SASL_AUTHENTICATED',
  'AUTH_FAILED',
  'EXPIRED',
]);

export function toRawState(name: string): RawState | null {
  return RAW_STATES.has(name) ? (name as RawState) : null;
}

export function isConnected(state: ConnectionState | null): boolean {
  return state === 'CONNECTED' || state === 'RECONNECTED';
}

/**
 * The one place where raw client states become Curator's names:
 * the first SYNC_CONNECTED is CONNECTED; DISCONNECTED is SUSPENDED; EXPIRED is LOST
 * (the owner then needs a new client and session); SYNC_CONNECTED after SUSPENDED or LOST is RECONNECTED.
 */
export class ConnectionStateTranslator {
  private current: ConnectionState | null = null;

  /** null until the first connection. */
  get state(): ConnectionState | null {
    return this.current;
  }

  /** Feeds one raw state; answers the Curator state it moves to, or null when it changes nothing. */
  translate(raw: RawState): ConnectionState | null {
    const next = this.successor(raw);
    if (next === null || next === this.current) return null;
    this.current = next;
    return next;
  }

  private successor(raw: RawState): ConnectionState | null {
    switch (raw) {
      case 'SYNC_CONNECTED':
      case 'CONNECTED_READ_ONLY':
        if (this.current === null) return 'CONNECTED';
        return isConnected(this.current) ? null : 'RECONNECTED';
      case 'DISCONNECTED':
        return isConnected(this.current) ? 'SUSPENDED' : null;
      case 'EXPIRED':
      case 'AUTH_FAILED':
        return 'LOST';
      case 'SASL_AUTHENTICATED':
        return null;
    }
  }
}
