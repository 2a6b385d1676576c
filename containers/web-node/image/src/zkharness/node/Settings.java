package zkharness.node;

import java.util.Map;

/**
 * The node's settings, read once from the environment (the contract the harness starts containers with).
 * Bad values stop the node at startup with a message, rather than letting it run half-configured.
 */
public record Settings(String nodeName, String zkConnect, int sessionTimeoutMs, int httpPort, String advertisedHost,
        LeaderErrorPolicy leaderErrorPolicy) {

    /**
     * {@code LEADER_ERROR_POLICY}: when the node stops claiming the Jetty leadership.
     * <ul>
     * <li>{@code standard} (default, safe): Curator's StandardConnectionStateErrorPolicy, so the latch gives the
     * leadership up on SUSPENDED, and {@code /status} reports {@code leader} only under a fresh session lease
     * (see {@link SessionLease}).</li>
     * <li>{@code session} (unsafe, kept to show what it costs): SessionConnectionStateErrorPolicy, leadership kept
     * until LOST, and {@code leader} is the latch's word alone. A leader cut off from ZooKeeper then keeps claiming
     * for most of a session timeout after the others have elected a new one (Curator's CURATOR-444 hazard).</li>
     * </ul>
     */
    public enum LeaderErrorPolicy {
        STANDARD, SESSION;

        /** The value as written in the environment. */
        public String envValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Settings fromEnv(Map<String, String> env) {
        String node = required(env, "NODE_NAME");
        String zk = required(env, "ZK_CONNECT");
        int session = integer(env, "ZK_SESSION_TIMEOUT_MS", 4000, 100, 3_600_000);
        int port = integer(env, "HTTP_PORT", 8080, 1, 65535);
        String advertised = text(env, "ADVERTISED_HOST");
        LeaderErrorPolicy policy = leaderErrorPolicy(env, "LEADER_ERROR_POLICY");
        return new Settings(node, zk, session, port, advertised != null ? advertised : node, policy);
    }

    /**
     * Curator's connection timeout: half the session timeout, within [500 ms, 5 s], so an unreachable member is
     * given up in time to try another one before the session is at risk.
     */
    public int connectionTimeoutMs() {
        return Math.max(500, Math.min(5000, sessionTimeoutMs / 2));
    }

    private static String required(Map<String, String> env, String name) {
        String value = text(env, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static String text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LeaderErrorPolicy leaderErrorPolicy(Map<String, String> env, String name) {
        String value = text(env, name);
        if (value == null) {
            return LeaderErrorPolicy.STANDARD;
        }
        for (LeaderErrorPolicy policy : LeaderErrorPolicy.values()) {
            if (policy.envValue().equals(value)) {
                return policy;
            }
        }
        throw new IllegalArgumentException(name + " must be 'standard' or 'session', not '" + value + "'");
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = text(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an integer in [" + min + ", " + max + "], not '" + value + "'");
    }
}
