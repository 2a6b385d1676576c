package zkharness.node;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes part in the Jetty leader election: a LeaderLatch on /fleet/leader whose participant id is the node name.
 * The client's SessionConnectionStateErrorPolicy makes the latch give leadership up on LOST only, not on SUSPENDED.
 */
public final class Leadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);
    public static final String PATH = "/fleet/leader";

    private final LeaderLatch latch;

    public Leadership(CuratorFramework client, String nodeName) {
        // NOTIFY_LEADER: closing while leading tells our listener, so the log shows leadership ending.
        latch = new LeaderLatch(client, PATH, nodeName, LeaderLatch.CloseMode.NOTIFY_LEADER);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                log.info("became the Jetty leader");
            }

            @Override
            public void notLeader() {
                log.info("no longer the Jetty leader");
            }
        });
    }

    public void start() throws Exception {
        latch.start(); // asynchronous: joins the election once connected
    }

    public boolean isLeader() {
        return latch.hasLeadership();
    }

    @Override
    public void close() throws Exception {
        latch.close();
    }
}
