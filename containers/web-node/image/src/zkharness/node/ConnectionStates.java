package zkharness.node;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that reacts to Curator's connection states: remembers the last one for /status, logs every
 * transition, and tells the registration. (The latch, the discovery and the cache follow the states themselves.)
 * Runs on Curator's event thread, so nothing here blocks.
 */
public final class ConnectionStates implements ConnectionStateListener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionStates.class);
    /** Shown before the first connection: Curator has no state to report yet. */
    public static final String CONNECTING = "CONNECTING";

    private final Registration registration;
    private volatile String last = CONNECTING;

    public ConnectionStates(Registration registration) {
        this.registration = registration;
    }

    public String last() {
        return last;
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState newState) {
        String before = last;
        last = newState.name();
        if (newState == ConnectionState.LOST || newState == ConnectionState.SUSPENDED) {
            log.warn("ZooKeeper connection {} (was {})", newState, before);
        } else {
            log.info("ZooKeeper connection {} (was {})", newState, before);
        }
        try {
            registration.onConnectionState(newState);
        } catch (RuntimeException e) {
            log.error("reacting to {} failed", newState, e);
        }
    }
}
