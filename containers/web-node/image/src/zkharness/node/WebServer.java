package zkharness.node;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Embedded Jetty 12 on HTTP_PORT, sized for a 96 MB heap on a shared 2-core machine. */
public final class WebServer {

    private final Server server;

    public WebServer(int port, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4); // the handler never blocks: few threads suffice
        threads.setName("http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(200); // a graceful stop must not hold docker stop up
        server.setStopAtShutdown(false); // Main's shutdown hook stops it, after unregistering
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
