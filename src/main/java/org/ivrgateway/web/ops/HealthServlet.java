package org.ivrgateway.web.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 while the database answers, 503 when it does not, so a load balancer takes a
 * node out when it can no longer serve; the body adds the components as QuerySystemStatus reports them.
 */
public final class HealthServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);

    private final BooleanSupplier databaseReachable;
    private final ContactCenterView view;

    public HealthServlet(BooleanSupplier databaseReachable, ContactCenterView view) {
        this.databaseReachable = databaseReachable;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = databaseReachable.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", up ? "UP" : "DOWN");
        try {
            body.put("system", view.systemStatus());
        } catch (RuntimeException e) {
            LOG.debug("system status unavailable", e);
            body.put("system", null);
        }
        response.setStatus(up ? 200 : 503);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Json.CONTENT_TYPE);
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }
}
