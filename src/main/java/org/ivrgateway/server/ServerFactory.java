package org.ivrgateway.server;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.core.config.CenterConfig;
import org.ivrgateway.gateway.Gateway;
import org.ivrgateway.web.SamplesResource;
import org.ivrgateway.web.Web;
import org.ivrgateway.web.console.Console;
import org.ivrgateway.web.ops.MeteredIvrApi;

/**
 * Builds the HTTP server in the Jetty-embedded style: {@link #newServer} returns a configured, unstarted
 * {@link Server}; the caller starts and stops it. Requests run on virtual threads (a QueryCallStatus may
 * block for seconds), and stopping is graceful: new requests are refused while those in flight finish.
 */
public final class ServerFactory {
    /** How long a graceful stop waits for requests in flight (a QueryCallStatus blocks up to maxWaitMillis). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private ServerFactory() {
    }

    /**
     * The whole gateway over one contact center: the subdialog URLs, REST, the console, /health and
     * /metrics. {@code host} null listens on every interface; {@code port} 0 takes a free port.
     */
    public static <C extends IvrApi & AgentDesk & Telephony & ContactCenterView> Server newServer(
            String host, int port, C center, CenterConfig config, BooleanSupplier databaseReachable) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        // A QueryCallStatus wait sends nothing until it answers; the connection must outlive the longest
        // wait (gateway.maxWaitMillis) with room to write the answer, or the browser gets no response.
        connector.setIdleTimeout(Math.max(30_000L, config.gateway().maxWaitMillis() + 15_000L));
        server.addConnector(connector);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        ServletContextHandler context = new ServletContextHandler("/");
        Web.install(context, new Web.Services(center, center, center, databaseReachable, registry));
        Console.install(context, center, center, center, config);
        String templates = config.gateway().templates();
        Gateway.create(new MeteredIvrApi(center, registry), templates == null ? null : Path.of(templates), registry)
                .install(context);
        context.addServlet(new ServletHolder("samples", new SamplesResource()), "/samples/*");

        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        return server;
    }

    /** Where a started server answers, e.g. {@code http://127.0.0.1:41234/}. */
    public static URI uri(Server server) {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }
}
