package zkharness.node;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that reacts to Curator's connection states: remembers the last one for /status, logs every
 * transition, and tells the session lease and the registration. (The latch, the discovery and the cache follow the
 * states themselves.)
 * Runs on Curator's event thread, so nothing here blocks.
 */
public final class ConnectionStates implements ConnectionStateListener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionStates.class);
    /** Shown before the first connection: Curator has no state to report yet. */
    public static final String CONNECTING = "CONNECTING";

    private final Registration registration;
    private final SessionLease lease;
    private volatile ConnectionState state; // null before the first connection

    public ConnectionStates(Registration registration, SessionLease lease) {
        this.registration = registration;
        this.lease = lease;
    }

    /** The last state's name, {@link #CONNECTING} before the first. */
    public String last() {
        ConnectionState s = state;
        return s == null ? CONNECTING : s.name();
    }

    /** The last state, null before the first. */
    public ConnectionState state() {
        return state;
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState newState) {
        String before = last();
        try {
            // Before the state is published: /status then never pairs RECONNECTED with a lost session's id.
            lease.onConnectionState(newState);
        } catch (RuntimeException e) {
            log.error("session lease: reacting to {} failed", newState, e);
        }
        state = newState;
        if (newState == ConnectionState.LOST || newState == ConnectionState.SUSPENDED) {
            log.warn("ZooKeeper connection {} (was {})", newState, before);
        } else {
            log.info("ZooKeeper connection {} (was {})", newState, before);
        }
        lease.kick(); // after the state is published, so the heartbeat's leadership note sees it
        try {
            registration.onConnectionState(newState);
        } catch (RuntimeException e) {
            log.error("reacting to {} failed", newState, e);
        }
    }
}
