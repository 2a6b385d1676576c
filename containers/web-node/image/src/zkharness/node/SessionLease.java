package zkharness.node;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows, from ZooKeeper's own answers, that this node's session is certainly still alive, and which session it is.
 *
 * A heartbeat on its own daemon thread (never in a request) sends an asynchronous {@code sync("/")} through the raw
 * ZooKeeper handle every sessionTimeout/8 (at least 100 ms). When ZooKeeper answers OK, the System.nanoTime() taken
 * just BEFORE sending is recorded. The lease holds while {@code nanoTime() - thatSend < sessionTimeout / 2}.
 *
 * Why this is enough to claim the Jetty leadership: the ensemble cannot expire our session (and delete our latch
 * znode, which is what lets another node lead) earlier than one session timeout after it received that request,
 * and it received it after we sent it. Claiming only for half a session leaves margin for the server's expiry tick
 * rounding, for the delay before a follower passes our "touch" on to the ZooKeeper leader (at most tickTime/2, and
 * a session is at least two ticks), and for Curator's SUSPENDED (at 2/3 of the session, when the client gives up on
 * its member) to catch up with the latch. It also covers a JVM that was paused (docker pause) and resumed: its last
 * answered heartbeat is old, so it stops claiming at once, before any event could tell it anything.
 *
 * Why {@code sync} and not a read such as {@code exists}: a read is answered by the member we are connected to from
 * its own memory. A member cut off from the ZooKeeper leader keeps answering reads (and our pings) for up to
 * syncLimit x tickTime before it gives up, while the leader, which alone expires sessions, has heard nothing from us
 * since the cut. With tickTime 2000 and syncLimit 5 against a 16 s session, a read-based lease would outlive the
 * session by 2 s. A sync is forwarded to the ZooKeeper leader and answered only after the leader has answered it,
 * so a reply proves the leader heard from this session after we sent it.
 *
 * Sends are skipped while the handle is not connected. While connected but unanswered, the client gives up on the
 * member after 2/3 of the session and fails everything outstanding, so at most about six heartbeats are in flight.
 */
public final class SessionLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionLease.class);
    /** The root always exists. */
    private static final String PATH = "/";

    /**
     * A heartbeat: sent at {@code sentNanos} (System.nanoTime() just before sending) on session {@code sessionId};
     * once answered OK it grants a lease of {@code leaseNanos} from {@code sentNanos}.
     */
    record Beat(long sentNanos, long sessionId, long leaseNanos) {
    }

    private final CuratorFramework client;
    private final int sessionTimeoutMs;
    private final long intervalMs;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> ConfigWatcher.daemon(r, "zk-heartbeat"));
    private final AtomicReference<Beat> lastAnswered = new AtomicReference<>();
    private volatile long sessionId; // 0: none (not yet connected, or lost)
    private volatile Runnable onChange = () -> { };
    private volatile boolean closed;

    public SessionLease(CuratorFramework client, int sessionTimeoutMs) {
        this.client = client;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.intervalMs = heartbeatIntervalMs(sessionTimeoutMs);
    }

    /** How often a heartbeat is sent: an eighth of the session, at least 100 ms. */
    static long heartbeatIntervalMs(int sessionTimeoutMs) {
        return Math.max(100, sessionTimeoutMs / 8);
    }

    /** How long an answered heartbeat lets the node claim, counted from its sending: half the session. */
    static long leaseNanos(int sessionTimeoutMs) {
        return TimeUnit.MILLISECONDS.toNanos(sessionTimeoutMs) / 2;
    }

    /** Whether a lease granted by a heartbeat sent at {@code sentNanos} still holds at {@code nowNanos}. */
    static boolean holds(long nowNanos, long sentNanos, long leaseNanos) {
        long age = nowNanos - sentNanos; // a difference, so nanoTime's wrap-around does not matter
        return age >= 0 && age < leaseNanos;
    }

    /**
     * The session id as a ZooKeeper client shows a znode's ephemeralOwner: 16 lower-case hex digits, zero-padded
     * (two's complement for a negative id, like the 8 raw bytes); null for 0, which means no session.
     */
    static String hex(long sessionId) {
        return sessionId == 0 ? null : String.format("%016x", sessionId);
    }

    public long intervalMs() {
        return intervalMs;
    }

    public long leaseMs() {
        return sessionTimeoutMs / 2;
    }

    /** Called after each heartbeat tick and each answered heartbeat (the leadership logs its changes there). */
    void onChange(Runnable onChange) {
        this.onChange = onChange;
    }

    public void start() {
        worker.scheduleWithFixedDelay(this::tick, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    /** The current session id, 0 when none is known. */
    public long sessionId() {
        return sessionId;
    }

    /** True while a heartbeat on the current session was answered and sent less than the lease ago. */
    public boolean holds() {
        Beat beat = lastAnswered.get();
        long session = sessionId;
        // nanoTime read after the beat: a beat answered meanwhile cannot look as if it was sent in the future.
        return beat != null && session != 0 && beat.sessionId() == session
                && holds(System.nanoTime(), beat.sentNanos(), beat.leaseNanos());
    }

    /** Why the lease does not hold, for the log. */
    public String whyNotHolding() {
        Beat beat = lastAnswered.get();
        long session = sessionId;
        if (beat == null || session == 0) {
            return "no heartbeat answered on this session";
        }
        if (beat.sessionId() != session) {
            return "the last answered heartbeat was on another session (0x" + hex(beat.sessionId()) + ")";
        }
        return "the last answered heartbeat was sent " + (System.nanoTime() - beat.sentNanos()) / 1_000_000
                + " ms ago, lease " + beat.leaseNanos() / 1_000_000 + " ms";
    }

    /** Called by ConnectionStates on Curator's event thread before it publishes the state; must not block. */
    void onConnectionState(ConnectionState state) {
        if (state == ConnectionState.LOST) {
            // The session is gone (or given up): no id to show, and no old heartbeat may count for a new session.
            sessionId = 0;
            lastAnswered.set(null);
        } else if (state.isConnected()) {
            // Read at once so /status never shows the id of a lost session next to RECONNECTED. The handle is
            // connected here, so getZooKeeper() returns it without trying to reconnect.
            try {
                ZooKeeper zk = client.getZookeeperClient().getZooKeeper();
                if (zk.getState().isConnected() && zk.getSessionId() != 0) {
                    sessionId = zk.getSessionId();
                }
            } catch (Exception e) {
                log.debug("session id not readable on {}: {}", state, e.toString());
            }
        }
    }

    /** A heartbeat now (after a connection state change): the lease follows a (re)connect without waiting a tick. */
    void kick() {
        if (!closed) {
            try {
                worker.execute(this::tick);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void tick() {
        try {
            beat();
        } catch (Throwable t) { // an exception must not end the fixed-delay schedule
            log.debug("heartbeat not sent: {}", t.toString());
        }
        notifyChange();
    }

    private void beat() throws Exception {
        if (closed) {
            return;
        }
        // Throws while Curator has no usable handle (or has a background error to report): no heartbeat then.
        ZooKeeper zk = client.getZookeeperClient().getZooKeeper();
        if (!zk.getState().isConnected()) {
            return; // nothing would answer before a reconnect: the lease simply ages
        }
        long session = zk.getSessionId();
        if (session == 0) {
            return;
        }
        sessionId = session;
        // The server may have negotiated a shorter session than asked for: the lease follows the shorter one.
        int negotiated = zk.getSessionTimeout();
        int timeout = negotiated > 0 ? Math.min(sessionTimeoutMs, negotiated) : sessionTimeoutMs;
        Beat beat = new Beat(System.nanoTime(), session, leaseNanos(timeout));
        zk.sync(PATH, this::answered, beat);
    }

    /** ZooKeeper's event thread. */
    private void answered(int rc, String path, Object ctx) {
        if (rc != KeeperException.Code.OK.intValue()) {
            return; // connection loss, session expired...: the lease simply ages
        }
        Beat beat = (Beat) ctx;
        lastAnswered.accumulateAndGet(beat, (old, b) -> old == null || b.sentNanos() - old.sentNanos() > 0 ? b : old);
        notifyChange();
    }

    private void notifyChange() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.warn("reacting to a heartbeat failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
    }
}
