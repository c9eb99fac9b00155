package org.ivrgateway.web.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the registry in the Prometheus text format, the queues' live figures read just before. */
public final class MetricsServlet extends HttpServlet {
    private final PrometheusMeterRegistry registry;
    private final QueueMetrics queues;

    public MetricsServlet(PrometheusMeterRegistry registry, QueueMetrics queues) {
        this.registry = registry;
        this.queues = queues;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        queues.refresh();
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
