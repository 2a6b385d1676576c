package zkharness.node;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows /fleet/config through a single-node CuratorCache and hands each new content to the ConfigApplier
 * exactly once (keyed by the znode's mzxid).
 *
 * The cache's events only trigger {@link #reconcile}, which compares the cached znode with what was last seen.
 * Why not trust the events alone: after a reconnect the cache re-reads the znode and reports a change only when its
 * data version differs, so a delete and re-create missed while disconnected (data version 0 both times) would be
 * silent. A change of czxid (a new znode) is therefore treated as a delete, and a one-second tick catches anything
 * an event did not announce. The tick reads local memory only.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);
    public static final String PATH = "/fleet/config";

    private final CuratorCache cache;
    private final ConfigApplier applier;
    private final ScheduledExecutorService tick = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "config-tick"));
    private long seenCzxid; // 0: no znode seen (yet, or since the last delete)
    private long seenMzxid;

    public ConfigWatcher(CuratorFramework client, ConfigApplier applier) {
        this.applier = applier;
        this.cache = CuratorCache.builder(client, PATH)
                .withOptions(CuratorCache.Options.SINGLE_NODE_CACHE)
                // Connection loss makes the cache's reads fail until the reconnect; one line, not a stack trace.
                .withExceptionHandler(e -> log.warn("config cache: {}", e.toString()))
                .build();
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forAll((type, before, after) -> reconcile())
                .forInitialized(this::reconcile)
                .build());
    }

    public void start() {
        cache.start();
        tick.scheduleWithFixedDelay(this::reconcile, 1, 1, TimeUnit.SECONDS);
    }

    synchronized void reconcile() {
        try {
            Optional<ChildData> cached = cache.get(PATH);
            if (cached.isEmpty()) {
                if (seenCzxid != 0) {
                    forget();
                    applier.onDeleted();
                }
                return;
            }
            Stat stat = cached.get().getStat();
            if (seenCzxid != 0 && stat.getCzxid() != seenCzxid) {
                forget(); // re-created since we last looked: the delete counts even though we missed it
                applier.onDeleted();
            }
            seenCzxid = stat.getCzxid();
            if (stat.getMzxid() != seenMzxid) {
                seenMzxid = stat.getMzxid();
                applier.offer(cached.get().getData(), stat.getMzxid());
            }
        } catch (Throwable t) {
            log.error("config watcher: unexpected failure; the running config stays", t);
        }
    }

    private void forget() {
        seenCzxid = 0;
        seenMzxid = 0;
    }

    @Override
    public void close() {
        tick.shutdownNow();
        cache.close();
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
