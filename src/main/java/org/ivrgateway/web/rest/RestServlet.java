package org.ivrgateway.web.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.ivrgateway.api.Incident;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.StoreException;
import org.ivrgateway.web.ClientErrors;
import org.ivrgateway.json.Json;
import org.ivrgateway.web.StoreFailures;
import org.ivrgateway.web.Web;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the REST routes: finds the route, runs its handler, writes the JSON reply. Every failure becomes a
 * JSON error ({@link ErrorBody}) with its status; a caller never sees a stack trace, and an unexpected
 * failure is logged with an incident id that the answer carries.
 */
public final class RestServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(RestServlet.class);

    private final List<Route> routes;

    public RestServlet(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String method = request.getMethod();
        Reply reply;
        try {
            reply = dispatch(request, path, method);
        } catch (IvrException | StoreException failure) {
            IvrException e = failure instanceof StoreException s ? StoreFailures.answer(s) : (IvrException) failure;
            if (e.code() == ReturnCode.UNKNOWN_ERROR) {
                reply = incident(method, path, e);
            } else {
                int status = ErrorStatus.of(e.code());
                // Busy or unreachable: the client may try again in a second (docs/RELIABILITY.md).
                reply = new Reply(status, new ErrorBody(e.getMessage(), e.code().code()),
                        status == 503 ? Map.of("Retry-After", "1") : Map.of());
                // The database away is the operator's news, not an incident: one line, the driver's words. A
                // refusal of a busy node is not: under overload it would be a line per request (the store
                // counts refusals, docs/RELIABILITY.md), so it is logged at debug only.
                if (e.code() == ReturnCode.TIMEOUT) {
                    LOG.debug("{} {}: {} ({})", method, path, e.getMessage(), String.valueOf(failure.getCause()));
                } else if (reply.status() >= 500) {
                    LOG.warn("{} {}: {} ({}: {})", method, path, e.getMessage(), e.code(), String.valueOf(failure.getCause()));
                }
            }
        } catch (RuntimeException e) {
            OptionalInt clientError = ClientErrors.status(e);
            reply = clientError.isPresent()
                    ? new Reply(clientError.getAsInt(), new ErrorBody(ClientErrors.MESSAGE, null), Map.of())
                    : incident(method, path, e);
        }
        write(response, reply);
    }

    /** Logged with its stack and an id; the answer carries the id and nothing of the exception. */
    private static Reply incident(String method, String path, RuntimeException e) {
        return new Reply(500, new ErrorBody("internal error, " + Incident.log(method + " " + path, e), null), Map.of());
    }

    private Reply dispatch(HttpServletRequest request, String path, String method) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> variables = route.match(path);
            if (variables.isEmpty()) continue;
            pathKnown = true;
            if (!route.method().equals(method)) continue;
            request.setAttribute(Web.ROUTE_ATTRIBUTE, route.method() + " " + route.template());
            return route.handler().handle(new RestRequest(request, variables.get()));
        }
        if (!pathKnown) return new Reply(404, new ErrorBody("no such endpoint: " + method + " " + path, null), Map.of());
        String allowed = routes.stream().filter(r -> r.match(path).isPresent()).map(Route::method)
                .distinct().collect(Collectors.joining(", "));
        return new Reply(405, new ErrorBody(method + " is not allowed on " + path + "; use " + allowed, null),
                Map.of("Allow", allowed));
    }

    private static void write(HttpServletResponse response, Reply reply) throws IOException {
        response.setStatus(reply.status());
        response.setHeader("Cache-Control", "no-store");
        reply.headers().forEach(response::setHeader);
        if (reply.body() == null) return;
        if (reply.body() instanceof Reply.Text text) {
            response.setContentType(text.contentType());
            response.getOutputStream().write(text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        response.setContentType(Json.CONTENT_TYPE);
        Json.MAPPER.writeValue(response.getOutputStream(), reply.body());
    }
}
