package zkharness.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.state.ConnectionState;

/**
 * Checks of the fleet-config contract, of the settings and of the leadership lease arithmetic, run by the image
 * build (stage 1): a rule that regresses fails the build. Plain Java on purpose: no test framework in the image recipe.
 */
public final class ConfigCheck {

    private static final List<String> failures = new ArrayList<>();
    private static int checks;

    public static void main(String[] args) {
        // valid
        valid("{\"version\":1,\"greeting\":\"hi\"}", 1, "hi");
        valid(" {\"greeting\":\"\",\"version\":9007199254740991}\n", 9007199254740991L, "");
        valid("{\"version\":2,\"greeting\":\"" + "x".repeat(256) + "\"}", 2, "x".repeat(256));
        valid("{\"version\":3,\"greeting\":\"h\\u00e9 \\n\"}", 3, "h\u00e9 \n");

        // malformed
        malformed("", "not JSON", null);
        malformed("   ", "not JSON", null);
        malformed("not json", "not JSON", null);
        malformed("{\"version\":1,\"greeting\":\"hi\"", "not JSON", null);
        malformed("[1,2]", "not a JSON object", null);
        malformed("\"text\"", "not a JSON object", null);
        malformed("null", "not a JSON object", null);
        malformed("{\"version\":1,\"greeting\":\"hi\"} {}", "trailing content", 1);
        malformed("{\"version\":1,\"greeting\":\"hi\",\"extra\":true}", "unknown key \"extra\"", 1);
        malformed("{\"version\":1,\"greeting\":\"hi\",\"deep\":" + "[".repeat(30000) + "]".repeat(30000) + "}",
                "not JSON", null); // Debian's jackson-core stops at depth 1000: no stack at risk
        malformed("{\"greeting\":\"hi\"}", "missing key \"version\"", null);
        malformed("{\"version\":1}", "missing key \"greeting\"", 1);
        malformed("{}", "missing key \"version\"; missing key \"greeting\"", null);
        malformed("{\"version\":0,\"greeting\":\"hi\"}", "at least 1", 0);
        malformed("{\"version\":-4,\"greeting\":\"hi\"}", "at least 1", -4);
        malformed("{\"version\":1.5,\"greeting\":\"hi\"}", "must be an integer, not 1.5", 1.5);
        malformed("{\"version\":1.0,\"greeting\":\"hi\"}", "must be an integer", 1.0);
        malformed("{\"version\":\"1\",\"greeting\":\"hi\"}", "must be an integer, not a string", null);
        malformed("{\"version\":null,\"greeting\":\"hi\"}", "must be an integer, not null", null);
        malformed("{\"version\":9007199254740992,\"greeting\":\"hi\"}", "at most", 9007199254740992L);
        malformed("{\"version\":1e400,\"greeting\":\"hi\"}", "must be an integer", new java.math.BigDecimal("1e400"));
        malformed("{\"version\":1,\"greeting\":5}", "greeting must be a string, not a number", 1);
        malformed("{\"version\":1,\"greeting\":{\"a\":1}}", "greeting must be a string, not an object", 1);
        malformed("{\"version\":1,\"greeting\":\"" + "x".repeat(257) + "\"}", "257 characters", 1);
        malformed("{\"version\":1,\"version\":2,\"greeting\":\"hi\"}", "duplicate key \"version\"", 2);
        malformed("{\"version\":1,\"greeting\":\"hi\",\"pad\":\"" + "x".repeat(70000) + "\"}", "too large", null);
        malformed("{'version':1,'greeting':'hi'}", "not JSON", null);
        malformed("{\"version\":NaN,\"greeting\":\"hi\"}", "not JSON", null);
        malformed("{\"version\":1,\"greeting\":\"hi\"} // comment", "not JSON", null);
        byte[] badUtf8 = "{\"version\":1,\"greeting\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        malformed(badUtf8, "not JSON", null);

        applier();
        settings();
        lease();

        if (failures.isEmpty()) {
            System.out.println("config checks: " + checks + " passed");
        } else {
            failures.forEach(f -> System.out.println("FAIL " + f));
            System.out.println("config checks: " + (checks - failures.size()) + " passed, " + failures.size() + " failed");
            System.exit(1);
        }
    }

    private static void applier() {
        ConfigApplier a = new ConfigApplier();
        expect("initial", a, 0, "", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"one\"}"), 10);
        expect("first config", a, 1, "one", null);
        a.offer(bytes("garbage"), 11);
        expect("malformed keeps serving", a, 1, "one", "malformed: not JSON");
        check("malformed zxid", a.current().rejected().zxid() == 11);
        check("malformed version null", a.current().rejected().version() == null);
        a.offer(bytes("{\"greeting\":\"one\",\"version\":1}"), 12);
        expect("same version same content: no-op, clears the rejection", a, 1, "one", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"other\"}"), 13);
        expect("same version other content", a, 1, "one", "the running version but with other content");
        a.offer(bytes("{\"version\":3,\"greeting\":\"three\"}"), 14);
        expect("higher version", a, 3, "three", null);
        a.offer(bytes("{\"version\":2,\"greeting\":\"two\"}"), 15);
        expect("lower version", a, 3, "three", "lower than the running version 3");
        check("lower version reported", a.current().rejected().version().longValue() == 2);
        a.offer(bytes("{\"version\":0,\"greeting\":\"zero\"}"), 16);
        expect("version 0", a, 3, "three", "at least 1");
        a.onDeleted();
        expect("deleted: keeps serving, forgets the rejection", a, 3, "three", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"reset\"}"), 20);
        expect("after delete any version", a, 1, "reset", null);
        a.offer(bytes("{\"version\":1,\"greeting\":\"again\"}"), 21);
        expect("gate closes again", a, 1, "reset", "other content");
    }

    private static void settings() {
        check("LEADER_ERROR_POLICY unset: standard", policy(null) == Settings.LeaderErrorPolicy.STANDARD);
        check("LEADER_ERROR_POLICY blank: standard", policy("  ") == Settings.LeaderErrorPolicy.STANDARD);
        check("LEADER_ERROR_POLICY=standard", policy("standard") == Settings.LeaderErrorPolicy.STANDARD);
        check("LEADER_ERROR_POLICY=session", policy("session") == Settings.LeaderErrorPolicy.SESSION);
        check("LEADER_ERROR_POLICY trimmed", policy(" session\n") == Settings.LeaderErrorPolicy.SESSION);
        for (String bad : new String[] {"Session", "STANDARD", "lost", "standard,session", "0"}) {
            try {
                policy(bad);
                check("LEADER_ERROR_POLICY='" + bad + "' accepted", false);
            } catch (IllegalArgumentException e) {
                check("LEADER_ERROR_POLICY='" + bad + "': message '" + e.getMessage() + "'",
                        e.getMessage().equals("LEADER_ERROR_POLICY must be 'standard' or 'session', not '" + bad + "'"));
            }
        }
        Settings s = Settings.fromEnv(env(null));
        check("defaults kept", s.sessionTimeoutMs() == 4000 && s.httpPort() == 8080 && s.advertisedHost().equals("node-1"));
    }

    private static Settings.LeaderErrorPolicy policy(String value) {
        return Settings.fromEnv(env(value)).leaderErrorPolicy();
    }

    private static Map<String, String> env(String policy) {
        Map<String, String> env = new HashMap<>(Map.of("NODE_NAME", "node-1", "ZK_CONNECT", "zk-1:2181"));
        if (policy != null) {
            env.put("LEADER_ERROR_POLICY", policy);
        }
        return env;
    }

    private static void lease() {
        check("heartbeat every 500 ms at 4 s", SessionLease.heartbeatIntervalMs(4000) == 500);
        check("heartbeat every 2 s at 16 s", SessionLease.heartbeatIntervalMs(16000) == 2000);
        check("heartbeat at least 100 ms", SessionLease.heartbeatIntervalMs(500) == 100
                && SessionLease.heartbeatIntervalMs(100) == 100);
        long lease = SessionLease.leaseNanos(4000);
        check("lease is half the session", lease == 2_000_000_000L);
        check("lease holds when just sent", SessionLease.holds(1_000, 1_000, lease));
        check("lease holds just under half a session", SessionLease.holds(1_000 + lease - 1, 1_000, lease));
        check("lease lapses at half a session", !SessionLease.holds(1_000 + lease, 1_000, lease));
        check("lease lapses after a pause", !SessionLease.holds(1_000 + 60_000_000_000L, 1_000, lease));
        check("a send in the future does not hold", !SessionLease.holds(1_000, 2_000, lease));
        check("lease holds across nanoTime wrap-around", SessionLease.holds(Long.MIN_VALUE + 10, Long.MAX_VALUE - 10, lease));
        check("lease lapses across nanoTime wrap-around",
                !SessionLease.holds(Long.MIN_VALUE + lease, Long.MAX_VALUE - 10, lease));

        check("no session: null", SessionLease.hex(0) == null);
        check("session hex zero-padded", "0000010000abcdef".equals(SessionLease.hex(0x10000abcdefL)));
        check("session hex like Long.toHexString", "72000a1b2c3d0001".equals(SessionLease.hex(0x72000a1b2c3d0001L)));
        check("negative session: the 8 bytes", "ffffffffffffff9c".equals(SessionLease.hex(-100)));

        ConnectionState[] states = {null, ConnectionState.CONNECTED, ConnectionState.SUSPENDED,
                ConnectionState.RECONNECTED, ConnectionState.LOST, ConnectionState.READ_ONLY};
        for (ConnectionState state : states) {
            for (boolean latch : new boolean[] {false, true}) {
                for (boolean holds : new boolean[] {false, true}) {
                    boolean expected = latch && holds
                            && (state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED);
                    check("standard leader(" + latch + ", " + state + ", " + holds + ")",
                            Leadership.standardLeader(latch, state, holds) == expected);
                }
            }
        }
    }

    private static void valid(String json, long version, String greeting) {
        try {
            FleetConfig c = FleetConfig.parse(bytes(json));
            check("valid " + shorten(json), c.version() == version && c.greeting().equals(greeting));
        } catch (FleetConfig.Malformed e) {
            check("valid " + shorten(json) + " rejected: " + e.getMessage(), false);
        }
    }

    private static void malformed(String json, String reasonPart, Number version) {
        malformed(bytes(json), reasonPart, version);
    }

    private static void malformed(byte[] data, String reasonPart, Number version) {
        String label = shorten(new String(data, StandardCharsets.ISO_8859_1));
        try {
            FleetConfig.parse(data);
            check("malformed " + label + " accepted", false);
        } catch (FleetConfig.Malformed e) {
            check("malformed " + label + ": reason '" + e.getMessage() + "' lacks '" + reasonPart + "'",
                    e.getMessage().contains(reasonPart));
            boolean versionOk = version == null ? e.version() == null
                    : e.version() != null && e.version().doubleValue() == version.doubleValue();
            check("malformed " + label + ": version " + e.version() + ", expected " + version, versionOk);
        } catch (Throwable t) {
            check("malformed " + label + " threw " + t, false);
        }
    }

    private static void expect(String label, ConfigApplier a, long version, String greeting, String rejectedPart) {
        ConfigApplier.State s = a.current();
        check(label + ": version " + s.version(), s.version() == version);
        check(label + ": greeting " + s.greeting(), s.greeting().equals(greeting));
        if (rejectedPart == null) {
            check(label + ": rejected " + s.rejected(), s.rejected() == null);
        } else {
            check(label + ": rejected " + s.rejected(), s.rejected() != null && s.rejected().reason().contains(rejectedPart));
        }
    }

    private static void check(String label, boolean ok) {
        checks++;
        if (!ok) {
            failures.add(label);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
