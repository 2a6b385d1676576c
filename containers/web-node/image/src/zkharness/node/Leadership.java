package zkharness.node;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zkharness.node.Settings.LeaderErrorPolicy;

/**
 * Takes part in the Jetty leader election: a LeaderLatch on /fleet/leader whose participant id is the node name,
 * and decides what /status reports as {@code leader}.
 *
 * Under {@code LEADER_ERROR_POLICY=standard} the client's StandardConnectionStateErrorPolicy makes the latch give
 * the leadership up on SUSPENDED, and {@code leader} is reported only while the latch leads AND the connection is
 * CONNECTED or RECONNECTED AND the session lease holds (a heartbeat answered recently; see {@link SessionLease}).
 * Why all three: SUSPENDED comes only when the client has heard nothing for 2/3 of the session, and a paused JVM
 * hears of nothing at all; the lease alone bounds the claim by what ZooKeeper has actually answered.
 *
 * Under {@code session} (SessionConnectionStateErrorPolicy) the leadership is kept until LOST and {@code leader} is
 * the latch's word alone, as before: a leader cut off from ZooKeeper keeps claiming for about a session timeout while
 * the others elect a new one after their view of its session expires (Curator's CURATOR-444 hazard). It is kept to
 * show what that costs.
 */
public final class Leadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);
    public static final String PATH = "/fleet/leader";

    private final LeaderLatch latch;
    private final LeaderErrorPolicy policy;
    private final ConnectionStates connection;
    private final SessionLease lease;
    private boolean reported; // guarded by this: the last reported answer, for the log

    public Leadership(CuratorFramework client, String nodeName, LeaderErrorPolicy policy, ConnectionStates connection,
            SessionLease lease) {
        this.policy = policy;
        this.connection = connection;
        this.lease = lease;
        // NOTIFY_LEADER: closing while leading tells our listener, so the log shows leadership ending.
        latch = new LeaderLatch(client, PATH, nodeName, LeaderLatch.CloseMode.NOTIFY_LEADER);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                log.info("the latch leads: became the Jetty leader");
                noteReported();
            }

            @Override
            public void notLeader() {
                log.info("the latch no longer leads: no longer the Jetty leader");
                noteReported();
            }
        });
        // Under standard the reported answer can change with no latch event (the lease lapses): the heartbeat
        // looks after every tick and every answer, so the log shows it within one heartbeat interval.
        lease.onChange(this::noteReported);
    }

    public void start() throws Exception {
        latch.start(); // asynchronous: joins the election once connected
    }

    /** What /status reports as {@code leader}. Reads memory only. */
    public boolean isLeader() {
        boolean latched = latch.hasLeadership();
        return switch (policy) {
            case SESSION -> latched;
            case STANDARD -> standardLeader(latched, connection.state(), lease.holds());
        };
    }

    /** The standard policy's rule, pure so the build can check it. */
    static boolean standardLeader(boolean latchLeads, ConnectionState state, boolean leaseHolds) {
        return latchLeads && (state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED) && leaseHolds;
    }

    /** Logs each change of the reported answer under standard (under session the latch's own lines say it all). */
    synchronized void noteReported() {
        if (policy != LeaderErrorPolicy.STANDARD) {
            return;
        }
        boolean now = isLeader();
        if (now == reported) {
            return;
        }
        reported = now;
        if (now) {
            log.info("reporting leader: true");
        } else {
            log.warn("reporting leader: false ({})", whyNot());
        }
    }

    private String whyNot() {
        if (!latch.hasLeadership()) {
            return "the latch does not lead";
        }
        ConnectionState state = connection.state();
        if (state != ConnectionState.CONNECTED && state != ConnectionState.RECONNECTED) {
            return "ZooKeeper connection " + connection.last();
        }
        return "session lease: " + lease.whyNotHolding();
    }

    @Override
    public void close() throws Exception {
        latch.close();
    }
}
