package zkharness.node;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a new content of /fleet/config is applied, and holds what the node serves.
 * The whole state is one immutable value behind an AtomicReference, so a request always sees a version and a
 * greeting that belong together. Writers are serialized (synchronized); readers never wait.
 */
public final class ConfigApplier {

    private static final Logger log = LoggerFactory.getLogger(ConfigApplier.class);

    /** The most recent rejection; {@code version} is null when the content had no readable version number. */
    public record Rejection(Number version, String reason, Instant at, long zxid) {}

    /**
     * What the node serves. {@code running} is null before any config was applied (version 0, greeting "").
     * {@code acceptAnyVersion} is true until a config is applied and again after /fleet/config is deleted.
     */
    public record State(FleetConfig running, boolean acceptAnyVersion, Rejection rejected) {
        public long version() {
            return running == null ? 0 : running.version();
        }

        public String greeting() {
            return running == null ? "" : running.greeting();
        }
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(null, true, null));

    public State current() {
        return state.get();
    }

    /**
     * One new content of /fleet/config ({@code mzxid} identifies it). Never throws: nothing about config may take
     * the node down.
     */
    public synchronized void offer(byte[] data, long mzxid) {
        State before = state.get();
        try {
            FleetConfig incoming;
            try {
                incoming = FleetConfig.parse(data);
            } catch (FleetConfig.Malformed malformed) {
                reject(before, malformed.version(), "malformed: " + malformed.getMessage(), mzxid);
                return;
            }
            FleetConfig running = before.running();
            if (running == null || before.acceptAnyVersion() || incoming.version() > running.version()) {
                state.set(new State(incoming, false, null));
                log.info("config applied: version {} (was {}), zxid {}", incoming.version(), before.version(), mzxid);
            } else if (incoming.equals(running)) {
                // A retried write of what already runs: harmless, and the znode no longer holds anything rejected.
                state.set(new State(running, false, null));
                log.info("config version {} unchanged (same content rewritten), zxid {}", running.version(), mzxid);
            } else if (incoming.version() == running.version()) {
                reject(before, incoming.version(),
                        "version " + incoming.version() + " is the running version but with other content", mzxid);
            } else {
                reject(before, incoming.version(),
                        "version " + incoming.version() + " is lower than the running version " + running.version(),
                        mzxid);
            }
        } catch (RuntimeException | Error e) {
            // Defensive: keep serving what runs. (An Error here would be an OutOfMemory or StackOverflow.)
            log.error("config at zxid {} could not be processed; keeping version {}", mzxid, before.version(), e);
        }
    }

    /** /fleet/config is gone (a fleet reset): keep serving, accept any version next, forget the rejection. */
    public synchronized void onDeleted() {
        State before = state.get();
        state.set(new State(before.running(), true, null));
        log.info("config znode deleted: still serving version {}; the next config is accepted whatever its version",
                before.version());
    }

    private void reject(State before, Number version, String reason, long mzxid) {
        state.set(new State(before.running(), before.acceptAnyVersion(), new Rejection(version, reason, Instant.now(), mzxid)));
        log.warn("config rejected (zxid {}, version {}): {}; still serving version {}",
                mzxid, version, reason, before.version());
    }
}
