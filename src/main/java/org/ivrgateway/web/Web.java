package org.ivrgateway.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.web.ops.HealthServlet;
import org.ivrgateway.web.ops.MetricsServlet;
import org.ivrgateway.web.ops.QueueMetrics;
import org.ivrgateway.web.ops.RequestMetricsFilter;
import org.ivrgateway.web.rest.RestApi;
import org.ivrgateway.web.rest.SwitchEventStream;

/**
 * Installs the web layer into the server's one servlet context: the request metrics on everything, the
 * REST API under {@code /api/*} (the gateway's {@code /api/ivr/*} is a longer mapping and wins), and
 * {@code /health}, {@code /metrics}. The console installs itself here too.
 */
public final class Web {
    /** Request attribute where the REST servlet names the matched route, for the metrics. */
    public static final String ROUTE_ATTRIBUTE = "org.ivrgateway.web.route";

    /** What the web layer serves: the contact center through the api interfaces, and the operations hooks. */
    public record Services(AgentDesk agents, Telephony telephony, ContactCenterView view,
                           BooleanSupplier databaseReachable, PrometheusMeterRegistry registry) {
    }

    private Web() {
    }

    public static void install(ServletContextHandler context, Services services) {
        context.addFilter(new FilterHolder(new RequestMetricsFilter(services.registry())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("rest",
                RestApi.servlet(services.agents(), services.telephony(), services.view())), "/api/*");
        context.addServlet(new ServletHolder("switch-events", new SwitchEventStream(services.telephony())),
                "/api/telephony/events/stream");
        context.addServlet(new ServletHolder("health",
                new HealthServlet(services.databaseReachable(), services.view())), "/health");
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(services.registry(),
                new QueueMetrics(services.view(), services.registry()))), "/metrics");
    }
}
