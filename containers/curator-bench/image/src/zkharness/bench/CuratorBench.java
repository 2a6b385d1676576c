package zkharness.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures Curator's in-process {@link TestingCluster} (3 members) the way our container fleet is measured, and prints
 * one JSON line on stdout:
 * <ul>
 *   <li>{@code ensembleReadyMs}: from {@code new TestingCluster(specs)} (then {@code start()}) until a Curator client's
 *       {@code create()} of a znode has been acknowledged.</li>
 *   <li>{@code leaderLossToWritesMs}: from {@code killServer(leader)} until a {@code setData()} on that znode through
 *       the same client has been acknowledged. The leader is the member whose four-letter word {@code srvr} answers
 *       {@code Mode: leader}.</li>
 * </ul>
 * With ZooKeeper 3.9, Curator 5.7 runs each member as a {@code ZooKeeperServerEmbedded} (it finds that class on the
 * classpath), and {@code killServer} is that server's {@code close()}: an in-process {@code QuorumPeer.shutdown()}.
 * Its sockets close at once, as a SIGKILLed process's do, so the followers notice the leader is gone immediately, not
 * after syncLimit ticks.
 */
public final class CuratorBench {
    private static final Logger log = LoggerFactory.getLogger(CuratorBench.class);

    private static final int MEMBERS = 3;
    private static final int SESSION_TIMEOUT_MS = 4000;
    private static final int CONNECTION_TIMEOUT_MS = 2000;
    /** Pause between two write attempts. */
    private static final long POLL_MS = 50;
    /** How long one write attempt may take before the next one is sent. */
    private static final long ATTEMPT_MS = 1000;
    /** A phase (ensemble ready, writes back) that takes longer than this fails the bench. */
    private static final long PHASE_DEADLINE_MS = 30_000;
    private static final int SRVR_TIMEOUT_MS = 1000;
    private static final String ZNODE = "/curator-bench";

    private CuratorBench() {}

    /** A failure the bench reports as its one sentence on stderr. */
    static final class BenchFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BenchFailure(String sentence) {
            super(sentence);
        }
    }

    record Settings(int runs, int tickTimeMs, int initLimit, int syncLimit) {
        static Settings fromEnv(Map<String, String> env) throws BenchFailure {
            return new Settings(
                    positive(env, "RUNS", 3),
                    positive(env, "TICK_TIME_MS", 500),
                    positive(env, "INIT_LIMIT", 10),
                    positive(env, "SYNC_LIMIT", 4));
        }

        private static int positive(Map<String, String> env, String name, int fallback) throws BenchFailure {
            String raw = env.get(name);
            if (raw == null || raw.isBlank()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(raw.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new BenchFailure(name + " must be a positive integer, not '" + raw + "'.");
        }
    }

    record RunResult(long ensembleReadyMs, long leaderLossToWritesMs, boolean clientOnLeader) {}

    /** Set once the bench has printed its own result or failure sentence. */
    private static volatile boolean reported;

    public static void main(String[] args) {
        // An embedded ZooKeeper server whose lifecycle fails calls System.exit itself (Curator builds it with
        // ExitHandler.EXIT); say so in one sentence instead of leaving only a stack trace.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!reported) {
                System.err.println("curator-bench failed: the JVM is exiting before the bench finished"
                        + " (an embedded ZooKeeper server may have asked for it; see the log above).");
            }
        }));
        int exitCode;
        try {
            Settings settings;
            try {
                settings = Settings.fromEnv(System.getenv());
            } catch (BenchFailure e) {
                System.err.println(e.getMessage());
                reported = true;
                System.exit(2);
                return;
            }
            List<RunResult> results = new ArrayList<>();
            for (int run = 1; run <= settings.runs(); run++) {
                results.add(runOnce(settings, run));
            }
            System.out.println(json(settings, results));
            System.out.flush();
            exitCode = 0;
        } catch (BenchFailure e) {
            System.err.println(e.getMessage());
            exitCode = 1;
        } catch (Throwable t) {
            System.err.println("curator-bench failed: " + t + ".");
            exitCode = 1;
        }
        reported = true;
        // ZooKeeper can leave non-daemon threads behind even after close(); don't let them keep the JVM alive.
        System.exit(exitCode);
    }

    private static RunResult runOnce(Settings settings, int run) throws Exception {
        // tickTime/initLimit/syncLimit go in as custom properties, which Curator's QuorumConfigBuilder applies last.
        // They must be Strings: the embedded server writes them out with Properties.store(), which rejects others.
        // tickTime also goes to the InstanceSpec itself, because Curator derives minSessionTimeout from that one.
        Map<String, Object> custom = Map.of(
                "tickTime", Integer.toString(settings.tickTimeMs()),
                "initLimit", Integer.toString(settings.initLimit()),
                "syncLimit", Integer.toString(settings.syncLimit()));
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= MEMBERS; id++) {
            // temp data dir deleted on close, random client/quorum/election ports, server id fixed per run
            specs.add(new InstanceSpec(null, -1, -1, -1, true, id, settings.tickTimeMs(), -1, custom));
        }

        long constructedAt = System.nanoTime();
        TestingCluster cluster = new TestingCluster(specs);
        CuratorFramework client = null;
        try {
            // start() returns once each member's QuorumPeer threads run, before any election has finished.
            cluster.start();
            client = CuratorFrameworkFactory.newClient(
                    cluster.getConnectString(), SESSION_TIMEOUT_MS, CONNECTION_TIMEOUT_MS, new RetryOneTime(50));
            client.start();
            CuratorFramework c = client;
            byte[] data = ("run " + run).getBytes(StandardCharsets.UTF_8);
            // NODEEXISTS counts as a success too: it means an earlier attempt's create was committed.
            long readyAt = awaitWrite(
                    "create " + ZNODE,
                    cb -> c.create().inBackground(cb).forPath(ZNODE, data),
                    true,
                    constructedAt);
            long ensembleReadyMs = millis(constructedAt, readyAt);

            InstanceSpec leader = findLeader(new ArrayList<>(cluster.getInstances()), System.nanoTime() + 5_000_000_000L);
            InstanceSpec connectedTo = cluster.findConnectionInstance(client.getZookeeperClient().getZooKeeper());
            boolean clientOnLeader = leader.equals(connectedTo);

            long killedAt = System.nanoTime();
            if (!cluster.killServer(leader)) {
                throw new BenchFailure("Run " + run + ": TestingCluster did not know its own leader " + name(leader) + ".");
            }
            long killReturnedAt = System.nanoTime();
            long writtenAt = awaitWrite(
                    "setData " + ZNODE,
                    cb -> c.setData().inBackground(cb).forPath(ZNODE, data),
                    false,
                    killedAt);
            long leaderLossToWritesMs = millis(killedAt, writtenAt);

            List<InstanceSpec> survivors = new ArrayList<>(cluster.getInstances());
            survivors.remove(leader);
            log.info(
                    "run {}/{}: ensemble ready in {} ms; killed leader {} (killServer took {} ms; client was on {}); "
                            + "writes back after {} ms; new leader {}",
                    run,
                    settings.runs(),
                    ensembleReadyMs,
                    name(leader),
                    millis(killedAt, killReturnedAt),
                    connectedTo == null ? "?" : name(connectedTo),
                    leaderLossToWritesMs,
                    describeModes(survivors));
            return new RunResult(ensembleReadyMs, leaderLossToWritesMs, clientOnLeader);
        } finally {
            // Both closes are idempotent; the client first, so it doesn't chase a vanishing ensemble.
            if (client != null) {
                client.close();
            }
            try {
                cluster.close();
            } catch (IOException e) {
                log.warn("run {}: closing the TestingCluster failed: {}", run, e.toString());
            }
        }
    }

    /** Sends one asynchronous write whose result reaches the given callback. */
    @FunctionalInterface
    interface Write {
        void send(BackgroundCallback callback) throws Exception;
    }

    /**
     * Sends the write every {@value #POLL_MS} ms until one is acknowledged, waiting at most {@value #ATTEMPT_MS} ms for
     * each answer, and returns the {@link System#nanoTime()} of the first acknowledgement. An attempt that outlives its
     * second is not abandoned inside Curator: if it succeeds later, that earlier moment counts.
     */
    private static long awaitWrite(String what, Write write, boolean existsIsSuccess, long startedAt)
            throws Exception {
        CompletableFuture<Long> firstSuccess = new CompletableFuture<>();
        long deadline = startedAt + TimeUnit.MILLISECONDS.toNanos(PHASE_DEADLINE_MS);
        int attempts = 0;
        String lastAnswer = "no answer";
        while (true) {
            attempts++;
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            write.send((client, event) -> {
                int rc = event.getResultCode();
                if (rc == KeeperException.Code.OK.intValue()
                        || (existsIsSuccess && rc == KeeperException.Code.NODEEXISTS.intValue())) {
                    firstSuccess.complete(System.nanoTime());
                }
                answer.complete(rc);
            });
            try {
                int rc = answer.get(ATTEMPT_MS, TimeUnit.MILLISECONDS);
                lastAnswer = KeeperException.Code.get(rc).toString();
            } catch (TimeoutException e) {
                lastAnswer = "no answer within " + ATTEMPT_MS + " ms";
            }
            if (firstSuccess.isDone()) {
                log.debug("{}: acknowledged after {} attempt(s)", what, attempts);
                return firstSuccess.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BenchFailure("No " + what + " succeeded within " + PHASE_DEADLINE_MS + " ms (" + attempts
                        + " attempts, last: " + lastAnswer + ").");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Asks every member {@code srvr} until exactly one answers {@code Mode: leader}. */
    private static InstanceSpec findLeader(List<InstanceSpec> members, long deadline) throws Exception {
        while (true) {
            List<InstanceSpec> leaders = new ArrayList<>();
            for (InstanceSpec member : members) {
                if ("leader".equals(srvrMode(member))) {
                    leaders.add(member);
                }
            }
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BenchFailure("No single member answered srvr with 'Mode: leader' (modes: "
                        + describeModes(members) + ").");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * The {@code Mode:} line of the member's {@code srvr} answer ({@code leader}, {@code follower}, ...), or
     * {@code down}. Curator's embedded adapter whitelists every four-letter word, and {@code srvr} is in ZooKeeper's
     * default whitelist anyway.
     */
    private static String srvrMode(InstanceSpec member) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(member.getHostname(), member.getPort()), SRVR_TIMEOUT_MS);
            socket.setSoTimeout(SRVR_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer); // the server closes the connection after answering
            for (String line : answer.toString(StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("Mode: ")) {
                    return line.substring("Mode: ".length()).trim();
                }
            }
            return "not serving";
        } catch (IOException e) {
            return "down";
        }
    }

    private static String describeModes(List<InstanceSpec> members) {
        List<String> modes = new ArrayList<>();
        for (InstanceSpec member : members) {
            modes.add(name(member) + "=" + srvrMode(member));
        }
        return String.join(", ", modes);
    }

    private static String name(InstanceSpec member) {
        return "server." + member.getServerId() + "@" + member.getPort();
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static String json(Settings settings, List<RunResult> results) throws IOException {
        StringBuilder ready = new StringBuilder();
        StringBuilder loss = new StringBuilder();
        StringBuilder onLeader = new StringBuilder();
        for (RunResult r : results) {
            String sep = ready.length() == 0 ? "" : ",";
            ready.append(sep).append(r.ensembleReadyMs());
            loss.append(sep).append(r.leaderLossToWritesMs());
            onLeader.append(sep).append(r.clientOnLeader());
        }
        return "{\"tool\":\"curator-testingcluster\""
                + ",\"curator\":\"" + curatorVersion() + "\""
                + ",\"zookeeper\":\"" + zookeeperVersion() + "\""
                + ",\"runs\":" + settings.runs()
                + ",\"tickTimeMs\":" + settings.tickTimeMs()
                + ",\"initLimit\":" + settings.initLimit()
                + ",\"syncLimit\":" + settings.syncLimit()
                + ",\"ensembleReadyMs\":[" + ready + "]"
                + ",\"leaderLossToWritesMs\":[" + loss + "]"
                + ",\"clientOnLeader\":[" + onLeader + "]}";
    }

    /** Debian's curator jars carry no version in their manifest; the image build records the package's. */
    private static String curatorVersion() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = CuratorBench.class.getResourceAsStream("/curator-bench-versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        }
        return versions.getProperty("curator", "unknown");
    }

    /** "3.9.3" from ZooKeeper's own build info (which may append a qualifier after '-'). */
    private static String zookeeperVersion() {
        String version = org.apache.zookeeper.Version.getVersion();
        int dash = version.indexOf('-');
        return dash > 0 ? version.substring(0, dash) : version;
    }
}
