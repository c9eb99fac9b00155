package org.ivrgateway.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.ivrgateway.api.Incident;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code {prefix}/{Function}} for one renderer: finds the function (404 for anything else), binds the
 * request, invokes the API, sets the session cookie after Initialize, renders. An unexpected failure on
 * the way is -305 with an incident id in the log and in the answer (docs/VXML.md, "Errors and hostile
 * requests"); only an answer that cannot be produced at all is a 500. A failed function's in/out
 * parameters come back with their input values ({@link Result#keepingInputs}), whichever renderer.
 */
final class FunctionServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionServlet.class);

    private final transient IvrApi api;
    private final transient RequestBinder binder;
    private final transient Renderer renderer;
    /** The VoiceXML collecting document for param-style calls; null where the style does not apply. */
    private final transient VxmlDocuments collector;

    FunctionServlet(IvrApi api, RequestBinder binder, Renderer renderer, VxmlDocuments collector) {
        this.api = api;
        this.binder = binder;
        this.renderer = renderer;
        this.collector = collector;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("POST") || method.equals("HEAD")) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, POST, HEAD");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not supported: call a function by GET or POST");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<IvrFunction> function = functionOf(request.getPathInfo());
        if (function.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No IVR API function at " + request.getRequestURI()
                    + "; the functions are named as in the guide, such as " + request.getServletPath() + "/Enqueue");
            return;
        }
        IvrFunction f = function.get();
        Result result;
        try {
            switch (binder.bind(f, request, collector != null)) {
                case Binding.Collect c -> {
                    NoCache.write(response, VxmlDocuments.MEDIA_TYPE, collector.collect(f));
                    return;
                }
                case Binding.Execute e -> result = api.invoke(e.invocation()).keepingInputs(e.invocation().values());
                case Binding.Reject r -> result = r.result();
            }
        } catch (RuntimeException e) {
            result = incident(f, request, e);
        }
        if (f == IvrFunction.INITIALIZE && result.isSuccess() && !result.string(ResultNames.SESSION_ID).isEmpty()) {
            SessionCookie.set(response, result.string(ResultNames.SESSION_ID));
        }
        String body;
        try {
            body = renderer.render(result);
        } catch (RuntimeException e) {
            body = fallback(incident(f, request, e), response);
            if (body == null) return;
        }
        NoCache.write(response, renderer.mediaType(), body);
    }

    private String fallback(Result failure, HttpServletResponse response) throws IOException {
        try {
            return renderer.fallback(failure);
        } catch (RuntimeException e) {
            LOG.error("cannot render even the -305 answer ({})", failure.detail(), e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, failure.detail());
            return null;
        }
    }

    private static Result incident(IvrFunction f, HttpServletRequest request, RuntimeException e) {
        return Result.failure(f, ReturnCode.UNKNOWN_ERROR,
                Incident.log(request.getMethod() + " " + request.getRequestURI() + " failed in the gateway", e));
    }

    private static Optional<IvrFunction> functionOf(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.indexOf('/', 1) >= 0) return Optional.empty();
        return IvrFunction.byName(pathInfo.substring(1));
    }
}
