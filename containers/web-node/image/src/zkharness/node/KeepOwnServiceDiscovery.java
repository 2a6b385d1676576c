package zkharness.node;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.details.InstanceSerializer;
import org.apache.curator.x.discovery.details.ServiceDiscoveryImpl;
import org.apache.zookeeper.data.Stat;

/**
 * Curator's ServiceDiscovery, except that re-registering keeps a registration znode this very session still owns.
 *
 * Why: ServiceDiscoveryImpl re-registers on every CONNECTED and RECONNECTED by deleting and re-creating the znode.
 * After a mere SUSPENDED (a ZooKeeper member failing over) the session and its ephemeral znode survive, and the
 * delete would make the node look unregistered to every watcher for a moment. A znode left by an older session is
 * still replaced, as Curator does. Curator calls this under a per-instance lock, so it never races itself.
 */
final class KeepOwnServiceDiscovery<T> extends ServiceDiscoveryImpl<T> {

    private final CuratorFramework client;
    private final String basePath;

    KeepOwnServiceDiscovery(CuratorFramework client, String basePath, InstanceSerializer<T> serializer) {
        super(client, basePath, serializer, null, false);
        this.client = client;
        this.basePath = basePath;
    }

    String pathOf(ServiceInstance<T> instance) {
        return ZKPaths.makePath(basePath, instance.getName(), instance.getId());
    }

    @Override
    protected void internalRegisterService(ServiceInstance<T> service) throws Exception {
        Stat stat = client.checkExists().forPath(pathOf(service));
        if (stat != null && stat.getEphemeralOwner() == sessionId(client)) {
            return; // still ours: leave it alone
        }
        super.internalRegisterService(service);
    }

    static long sessionId(CuratorFramework client) throws Exception {
        return client.getZookeeperClient().getZooKeeper().getSessionId();
    }
}
