package zkharness.node;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.curator.framework.state.ConnectionStateErrorPolicy;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.framework.state.StandardConnectionStateErrorPolicy;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web node: wires the parts, starts HTTP and the ZooKeeper client side by side (/health and /status answer from
 * the first moment, whatever ZooKeeper does), registers once both are up, and stops everything on SIGTERM within
 * well under a second.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);
    /** ZooKeeper steps of a graceful stop get this long (they take milliseconds when ZooKeeper answers). */
    private static final long ZK_SHUTDOWN_BUDGET_MS = 300;

    public static void main(String[] args) {
        long started = System.nanoTime();
        // Once per process, shown in /status: a history tells a restarted process from the same one by it.
        String incarnation = UUID.randomUUID().toString();
        Settings settings;
        try {
            settings = Settings.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("web-node: " + e.getMessage());
            System.exit(2);
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.error("uncaught in thread {}", t.getName(), e));

        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(settings.zkConnect())
                .sessionTimeoutMs(settings.sessionTimeoutMs())
                .connectionTimeoutMs(settings.connectionTimeoutMs())
                // Bounded: 100 ms doubling, at most 1 s between tries, 10 tries; then the operation fails.
                .retryPolicy(new ExponentialBackoffRetry(100, 10, 1000))
                // The tracker would replace ZK_CONNECT with the ensemble's own addresses (0.0.0.0 in ours).
                .ensembleTracker(false)
                // LEADER_ERROR_POLICY: only the LeaderLatch consults it here (the discovery and the cache do not).
                .connectionStateErrorPolicy(errorPolicy(settings.leaderErrorPolicy()))
                // Parents (/fleet/services/web, /fleet/leader) as plain znodes: containers would be reaped when
                // empty, under the feet of watchers.
                .dontUseContainerParents()
                .build();

        ConfigApplier config = new ConfigApplier();
        ConfigWatcher configWatcher = new ConfigWatcher(client, config);
        SessionLease lease = new SessionLease(client, settings.sessionTimeoutMs());
        Registration registration;
        try {
            registration = new Registration(client, settings);
        } catch (Exception e) {
            log.error("cannot describe the registration", e);
            System.exit(1);
            return;
        }
        ConnectionStates connection = new ConnectionStates(registration, lease);
        Leadership leadership = new Leadership(client, settings.nodeName(), settings.leaderErrorPolicy(), connection, lease);
        WebServer web = new WebServer(settings.httpPort(),
                new HttpApp(settings, config, registration, leadership, connection, lease, incarnation));

        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> shutdown(client, configWatcher, leadership, lease, registration, web), "shutdown"));

        try {
            // The ZooKeeper client is made on its own thread while Jetty starts on this one: its classes'
            // initialization and the session's first round trips overlap Jetty's start instead of following it.
            // HTTP still answers as early as before, and nothing registers or joins the election until both are up.
            FutureTask<Void> zookeeper = new FutureTask<>(() -> {
                client.getConnectionStateListenable().addListener(connection);
                client.start();
                return null;
            });
            new Thread(zookeeper, "zookeeper-start").start();
            web.start();
            try {
                zookeeper.get();
            } catch (ExecutionException e) {
                throw e.getCause();
            }
            lease.start();
            configWatcher.start();
            leadership.start();
            registration.start();
        } catch (Throwable t) { // an Error too (a missing class, say): never leave a half-started node running
            log.error("startup failed", t);
            System.exit(1);
            return;
        }
        log.info("node {} (incarnation {}) serving on :{} (advertised as {}), ZooKeeper {} (session timeout {} ms), "
                + "started in {} ms", settings.nodeName(), incarnation, settings.httpPort(), settings.advertisedHost(),
                settings.zkConnect(), settings.sessionTimeoutMs(), (System.nanoTime() - started) / 1_000_000);
        if (settings.leaderErrorPolicy() == Settings.LeaderErrorPolicy.STANDARD) {
            log.info("LEADER_ERROR_POLICY=standard: the latch gives the leadership up on SUSPENDED, and /status "
                    + "reports leader only while CONNECTED/RECONNECTED with a ZooKeeper answer to a heartbeat sent "
                    + "less than {} ms ago (a heartbeat every {} ms)", lease.leaseMs(), lease.intervalMs());
        } else {
            log.warn("LEADER_ERROR_POLICY=session: the leadership is kept until LOST and /status reports the latch "
                    + "alone; a leader cut off from ZooKeeper keeps claiming after the others elected a new one");
        }
    }

    /**
     * standard: leadership dropped on SUSPENDED (safe). session: kept until LOST, which lets a cut-off leader claim
     * next to a new one (CURATOR-444); kept selectable to show that cost.
     */
    private static ConnectionStateErrorPolicy errorPolicy(Settings.LeaderErrorPolicy policy) {
        return switch (policy) {
            case STANDARD -> new StandardConnectionStateErrorPolicy();
            case SESSION -> new SessionConnectionStateErrorPolicy();
        };
    }

    /**
     * Graceful stop: unregister first (watchers stop routing here), leave the election, close the rest, stop Jetty
     * last. Each step is guarded so one failure does not skip the others, and the ZooKeeper steps run against a
     * deadline on a daemon thread so an unreachable ZooKeeper cannot hold the stop up.
     */
    private static void shutdown(CuratorFramework client, ConfigWatcher configWatcher, Leadership leadership,
            SessionLease lease, Registration registration, WebServer web) {
        long begin = System.nanoTime();
        Thread zk = new Thread(() -> {
            step("unregister", registration::unregister);
            step("close leader latch", leadership::close);
            step("stop the heartbeat", lease::close);
            step("close config cache", configWatcher::close);
            step("close service discovery", registration::close);
            step("close ZooKeeper client", client::close);
        }, "shutdown-zk");
        zk.setDaemon(true);
        zk.start();
        try {
            zk.join(ZK_SHUTDOWN_BUDGET_MS);
            if (zk.isAlive()) {
                // ZooKeeper is away. Interrupting makes the waits give up and ZooKeeper's close() still tear down
                // its I/O thread: a thread left in native I/O would hold the JVM's exit up for another 300 ms.
                log.warn("ZooKeeper steps of the stop did not finish in {} ms; interrupting them", ZK_SHUTDOWN_BUDGET_MS);
                zk.interrupt();
                zk.join(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        step("stop Jetty", web::stop);
        log.info("stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) {
        try {
            step.run();
        } catch (Throwable t) {
            log.warn("stop: {} failed: {}", name, t.toString());
        }
    }
}
