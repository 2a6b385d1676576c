package zkharness.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.UriSpec;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the node under /fleet/services/web/&lt;uuid&gt; (Curator ServiceDiscovery, ephemeral) and knows,
 * truthfully, whether that registration exists.
 *
 * {@code registered} becomes true only when this session's znode was seen on the server, and false at once on
 * LOST. A check runs on its own thread (never in a request): at once on (re)connect, then every second while
 * registered and every 100 ms while not (a no-op while disconnected). Curator re-registers by itself on
 * reconnect; should that fail, or the znode vanish, the check registers again after three misses in a row.
 */
@SuppressWarnings("rawtypes") // the payload is a plain Map; Curator needs its class
public final class Registration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);
    public static final String BASE_PATH = "/fleet/services";
    public static final String SERVICE = "web";

    private final CuratorFramework client;
    private final KeepOwnServiceDiscovery<Map> discovery;
    private final ServiceInstance<Map> instance;
    private final String path;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> ConfigWatcher.daemon(r, "registration"));

    private volatile boolean registered;
    private volatile boolean closing;
    private volatile long lostCount; // bumped on LOST, so a check that raced with it cannot claim "registered"
    private int misses; // worker thread only
    private ScheduledFuture<?> next; // worker thread only

    @SuppressWarnings("unchecked")
    public Registration(CuratorFramework client, Settings settings) throws Exception {
        this.client = client;
        this.discovery = new KeepOwnServiceDiscovery<>(client, BASE_PATH, new JsonInstanceSerializer<>(Map.class));
        this.instance = (ServiceInstance) ServiceInstance.<Map>builder()
                .name(SERVICE)
                .address(settings.advertisedHost())
                .port(settings.httpPort())
                .uriSpec(new UriSpec("{scheme}://{address}:{port}"))
                // A LinkedHashMap, because Curator writes the payload's class next to it ("@class").
                .payload(new LinkedHashMap<>(Map.of("node", settings.nodeName())))
                .build(); // id: a random UUID (Curator's default)
        this.path = discovery.pathOf(instance);
    }

    public String path() {
        return path;
    }

    public boolean isRegistered() {
        return registered;
    }

    public void start() {
        worker.execute(() -> {
            try {
                discovery.start();
                discovery.registerService(instance); // kept by Curator and re-registered on reconnect even if this fails
            } catch (Exception e) {
                log.warn("first registration failed ({}); retrying when connected", e.toString());
            }
            scheduleCheck(0);
        });
    }

    /** Called by ConnectionStates on every Curator connection state change; must not block. */
    void onConnectionState(ConnectionState state) {
        if (state == ConnectionState.LOST) {
            lostCount++;
            if (registered) {
                log.warn("session lost: no longer registered");
            }
            registered = false;
        }
        if (state.isConnected() && !closing) {
            worker.execute(() -> scheduleCheck(0)); // look now rather than at the next tick
        }
    }

    /** Only ever called on the worker thread, so there is one chain of checks. */
    private void scheduleCheck(long delayMs) {
        if (next != null) {
            next.cancel(false);
        }
        if (!closing) {
            next = worker.schedule(this::check, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        checkOnce();
        scheduleCheck(registered ? 1000 : 100);
    }

    private void checkOnce() {
        if (closing || !client.getZookeeperClient().isConnected()) {
            return; // unknown while disconnected: LOST (if it comes) says false
        }
        try {
            long lostBefore = lostCount;
            long session = KeepOwnServiceDiscovery.sessionId(client);
            Stat stat = client.checkExists().forPath(path);
            boolean ours = stat != null && stat.getEphemeralOwner() == session
                    && session == KeepOwnServiceDiscovery.sessionId(client) && lostBefore == lostCount;
            if (ours) {
                if (!registered && !closing) {
                    log.info("registered: {} (session 0x{})", path, Long.toHexString(session));
                    registered = true;
                }
                misses = 0;
                return;
            }
            if (registered) {
                log.warn("registration znode {} is gone", path);
            }
            registered = false;
            if (++misses >= 3 && !closing) { // Curator's own re-registration on reconnect goes first
                misses = 0;
                log.info("registering again: {}", path);
                discovery.registerService(instance);
            }
        } catch (Exception e) {
            log.debug("registration check failed: {}", e.toString());
        }
    }

    /** Stops checking and deletes the registration: the first step of a graceful stop. */
    public void unregister() throws Exception {
        closing = true;
        worker.shutdownNow();
        registered = false;
        discovery.unregisterService(instance);
        log.info("unregistered: {}", path);
    }

    @Override
    public void close() throws Exception {
        closing = true;
        worker.shutdownNow();
        registered = false;
        discovery.close();
    }
}
