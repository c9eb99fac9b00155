package org.ivrgateway.gateway;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.GatewaySettings;
import org.ivrgateway.config.Platform;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;
import org.ivrgateway.config.TransitConfig;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestCenter;

/**
 * The real contact center on a test database ({@link TestCenter}, on the real clock) behind the gateway
 * alone on a real Jetty ({@link GatewayServer}): what every integration test of the gateway talks to. Agent n ({@link #agentId}) serves queue {@code Sales} from {@link #agentDevice}.
 */
final class LiveCenter implements AutoCloseable {
    static final String QUEUE = "Sales";
    static final String IVR_DEVICE = "36200";

    final ContactCenter center;
    final GatewayServer server;
    final CenterConfig config;
    private final TestCenter started;

    private LiveCenter(TestCenter started, GatewayServer server, CenterConfig config) {
        this.started = started;
        this.center = started.center();
        this.server = server;
        this.config = config;
    }

    static LiveCenter start(TestDatabase db) {
        return start(db, config(3, 5000), null);
    }

    static LiveCenter start(TestDatabase db, CenterConfig config, java.nio.file.Path templates) {
        TestCenter started;
        try {
            started = TestCenter.on(db).config(config).start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test center", e);
        }
        try {
            return new LiveCenter(started, GatewayServer.start(started.center(), templates), config);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    static CenterConfig config(int agents, int maxWaitMillis) {
        return config(agents, maxWaitMillis, null);
    }

    /** {@link #config(int, int)} on a platform (SetDisplay needs openscape-4000). */
    static CenterConfig config(int agents, int maxWaitMillis, Platform platform) {
        List<String> devices = IntStream.rangeClosed(1, agents).mapToObj(i -> String.format("5%03d", i)).toList();
        List<AgentConfig> agentConfigs = IntStream.rangeClosed(1, agents)
                .mapToObj(i -> new AgentConfig(String.format("79%04d", i), "Agent " + i, List.of(QUEUE), 0)).toList();
        String allDay = "00:00-23:59";
        CallbackConfig callbacks = new CallbackConfig(List.of("CBQueue"), "America/Toronto",
                Map.of("mon", allDay, "tue", allDay, "wed", allDay, "thu", allDay, "fri", allDay, "sat", allDay, "sun", allDay),
                List.of("911"), 30);
        RoutingRule rule = new RoutingRule(null, new RoutingRule.Enqueue(QUEUE, 10, "Sales line", null, null), null, null);
        return new CenterConfig(new GatewaySettings(maxWaitMillis, 600, null), null, platform, false, List.of(),
                List.of(IVR_DEVICE, "36201"), devices, List.of(new QueueConfig(QUEUE, null, "7000", 20, null)),
                agentConfigs, new TransitConfig(List.of("8001", "8002"), 30), callbacks, List.of(rule), null);
    }

    /** Agent n of {@link #config}: its ID and device. */
    static String agentId(int n) {
        return String.format("79%04d", n);
    }

    static String agentDevice(int n) {
        return String.format("5%03d", n);
    }

    SubdialogClient browser(boolean cookies) {
        return new SubdialogClient(server.base(), cookies);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            started.close();
        }
    }
}
