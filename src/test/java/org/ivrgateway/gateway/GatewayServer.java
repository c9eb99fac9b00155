package org.ivrgateway.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ivrgateway.api.IvrApi;

/**
 * A real Jetty on 127.0.0.1, port 0, serving the gateway over {@code api} with requests on virtual
 * threads (as the server runs it), so a blocked QueryCallStatus parks no platform thread.
 */
final class GatewayServer implements AutoCloseable {
    private final Server server;
    private final URI base;
    private final StatisticsHandler statistics;
    private final MeterRegistry registry;

    private GatewayServer(Server server, URI base, StatisticsHandler statistics, MeterRegistry registry) {
        this.server = server;
        this.base = base;
        this.statistics = statistics;
        this.registry = registry;
    }

    static GatewayServer start(IvrApi api) {
        return start(api, null);
    }

    static GatewayServer start(IvrApi api, Path templates) {
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("gateway-test");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(4096);
        // Longer than the longest wait the tests hold (ConcurrentWaitTest: 30 s), as ServerFactory does.
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        MeterRegistry registry = new SimpleMeterRegistry();
        Gateway.create(api, templates, registry).install(context);
        StatisticsHandler statistics = new StatisticsHandler();
        statistics.setHandler(context);
        server.setHandler(statistics);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Jetty", e);
        }
        return new GatewayServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"), statistics,
                registry);
    }

    /** The gateway's own metrics. */
    MeterRegistry registry() {
        return registry;
    }

    /** Requests the server is handling right now (a parked wait counts until it answers). */
    int activeRequests() {
        return statistics.getRequestsActive();
    }

    URI base() {
        return base;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Jetty", e);
        }
    }
}
