package org.ivrgateway.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.web.Web;

/**
 * Times every HTTP request as {@code http_server_requests} by channel (vxml, xml, json for the subdialog
 * URLs; rest; ops; other), endpoint (the function's guide name, or the REST route template) and status.
 * Endpoints are names from a closed set, never raw paths, so a scan of random URLs cannot grow the registry.
 */
public final class RequestMetricsFilter extends HttpFilter {
    private final transient MeterRegistry registry;

    public RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Timer.Sample sample = Timer.start(registry);
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String[] tags = tags(path, request.getAttribute(Web.ROUTE_ATTRIBUTE));
            sample.stop(Timer.builder("http.server.requests")
                    .description("HTTP requests by channel, endpoint and status")
                    .tags("channel", tags[0], "endpoint", tags[1], "status", String.valueOf(status))
                    .register(registry));
        }
    }

    static String[] tags(String path, Object route) {
        if (route != null) return new String[] {"rest", route.toString()};
        String[] segments = path.split("/");
        if (segments.length == 3) {
            String channel = switch (segments[1]) {
                case "vxml" -> "vxml";
                case "xml" -> "xml";
                default -> null;
            };
            if (channel != null) return new String[] {channel, functionName(segments[2])};
        }
        if (segments.length == 4 && segments[1].equals("api") && segments[2].equals("ivr")) {
            return new String[] {"json", functionName(segments[3])};
        }
        if (path.equals("/health") || path.equals("/metrics")) return new String[] {"ops", path};
        if (path.startsWith("/api/")) return new String[] {"rest", "unknown"};
        return new String[] {"other", "other"};
    }

    private static String functionName(String segment) {
        return IvrFunction.byName(segment.toLowerCase(Locale.ROOT)).map(IvrFunction::guideName).orElse("unknown");
    }
}
