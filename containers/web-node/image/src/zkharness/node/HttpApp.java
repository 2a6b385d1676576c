package zkharness.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.curator.framework.state.ConnectionState;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP endpoints (contract): {@code /}, {@code /health}, {@code /status}; anything else is a JSON 404.
 * Every answer is built from in-memory state only, so it is immediate even while ZooKeeper is unreachable;
 * hence a non-blocking handler (Jetty may run it on the selector thread).
 */
public final class HttpApp extends Handler.Abstract.NonBlocking {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final ConfigApplier config;
    private final Registration registration;
    private final Leadership leadership;
    private final ConnectionStates connection;
    private final SessionLease lease;
    private final String incarnation;

    public HttpApp(Settings settings, ConfigApplier config, Registration registration, Leadership leadership,
            ConnectionStates connection, SessionLease lease, String incarnation) {
        this.settings = settings;
        this.config = config;
        this.registration = registration;
        this.leadership = leadership;
        this.connection = connection;
        this.lease = lease;
        this.incarnation = incarnation;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        Map<String, Object> body;
        int status = 200;
        if (!path.equals("/") && !path.equals("/health") && !path.equals("/status")) {
            status = 404;
            body = error("not found: " + path);
        } else if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            status = 405;
            body = error("method not allowed: " + request.getMethod());
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        } else {
            body = switch (path) {
                case "/health" -> health();
                case "/status" -> status();
                default -> root();
            };
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    private Map<String, Object> root() {
        ConfigApplier.State state = config.current(); // one read: version and greeting belong together
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", settings.nodeName());
        body.put("configVersion", state.version());
        body.put("greeting", state.greeting());
        return body;
    }

    private Map<String, Object> health() {
        return Map.of("ok", true);
    }

    private Map<String, Object> status() {
        ConfigApplier.State state = config.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", settings.nodeName());
        body.put("registered", registration.isRegistered());
        body.put("leader", leadership.isLeader());
        ConnectionState zk = connection.state(); // one read: "zk" and "session" belong together
        body.put("zk", zk == null ? ConnectionStates.CONNECTING : zk.name());
        // The session whose ephemeral znodes are ours (same spelling as a client's ephemeralOwner); none before
        // the first connection and after LOST.
        body.put("session", zk == null || zk == ConnectionState.LOST ? null : SessionLease.hex(lease.sessionId()));
        body.put("configVersion", state.version());
        ConfigApplier.Rejection rejected = state.rejected();
        if (rejected == null) {
            body.put("rejected", null);
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("version", rejected.version());
            r.put("reason", rejected.reason());
            r.put("at", rejected.at().toString());
            r.put("zxid", rejected.zxid());
            body.put("rejected", r);
        }
        body.put("incarnation", incarnation); // one per process: tells a restarted node from the same one
        body.put("wallClockMs", System.currentTimeMillis()); // the JVM's wall clock: shows a clock fault taking hold
        return body;
    }

    private Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }
}
