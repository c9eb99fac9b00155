package org.ivrgateway.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;

/**
 * Reads a request into a {@link Binding}, once, whatever renders it (CONTRACT §3.2, §3.3, §3.6).
 *
 * <p>Names are matched to the catalog ignoring case and passed on in the catalog's spelling; values stay
 * strings (the core converts and checks them). {@code SessionID} comes from the request, else from the
 * cookie. A by-reference-only parameter (a script that lists {@code EstimatedWait} in its namelist, as the
 * guide's signatures do) is ignored. An unknown parameter, a repeated one (also when spelt in two cases),
 * too many parameters, a value over {@link Limits#MAX_VALUE_CHARS} or a body that cannot be decoded is -306.
 */
final class RequestBinder {

    Binding bind(IvrFunction function, HttpServletRequest request, boolean collectWhenEmpty) {
        if (request.getContentLengthLong() > Limits.MAX_BODY_BYTES) {
            drainUnread(request);
            return reject(function, "the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes");
        }
        Map<String, String[]> raw;
        try {
            raw = request.getParameterMap();
        } catch (RuntimeException e) {
            drainUnread(request);
            return reject(function, "the parameters cannot be read: " + rootMessage(e));
        }
        if (raw.size() > Limits.MAX_PARAMETERS) {
            return reject(function, "more than " + Limits.MAX_PARAMETERS + " parameters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String sessionId = null;
        boolean namedAnInput = false;
        String problem = null;
        for (Map.Entry<String, String[]> e : raw.entrySet()) {
            String name = e.getKey();
            String[] given = e.getValue();
            boolean isSession = name.equalsIgnoreCase(ResultNames.SESSION_ID);
            Optional<Parameter> parameter = isSession ? Optional.empty() : function.parameter(name);
            if (parameter.isPresent() && !parameter.get().direction().isInput()) continue;
            namedAnInput |= isSession || parameter.isPresent();
            if (problem != null) continue;
            if (!isSession && parameter.isEmpty()) {
                problem = name + " is not a parameter of " + function.guideName();
            } else if (given.length != 1) {
                problem = name + " is given " + given.length + " times";
            } else if (given[0].length() > Limits.MAX_VALUE_CHARS) {
                problem = name + " is longer than " + Limits.MAX_VALUE_CHARS + " characters";
            } else if (isSession) {
                if (sessionId != null) problem = name + " is given twice";
                sessionId = given[0];
            } else if (values.putIfAbsent(parameter.get().name(), given[0]) != null) {
                problem = parameter.get().name() + " is given twice";
            }
        }
        // CONTRACT §3.3: only a request naming no input nor SessionID is the first fetch of the param style.
        if (!namedAnInput && collectWhenEmpty) return new Binding.Collect(function);
        if (problem != null) return reject(function, problem);
        if (sessionId == null || sessionId.isEmpty()) sessionId = SessionCookie.read(request);
        return new Binding.Execute(new Invocation(function, sessionId, request.getRemoteAddr(), values));
    }

    /**
     * Reads and discards what is left of a rejected body, up to {@link Limits#MAX_DRAIN_BYTES}. Answering
     * while the client is still sending makes the server close the connection under it, and a client that
     * is still writing then sees a reset instead of the -306 document. Past the cap the connection is
     * closed after all: nobody's legitimate request is that large.
     */
    private static void drainUnread(HttpServletRequest request) {
        byte[] sink = new byte[16 * 1024];
        long left = Limits.MAX_DRAIN_BYTES;
        try (var in = request.getInputStream()) {
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
        } catch (java.io.IOException | RuntimeException e) {
            // already consumed by the form parser, or the client gave up: nothing left to drain
        }
    }

    private static Binding reject(IvrFunction function, String why) {
        return new Binding.Reject(Result.failure(function, ReturnCode.INVALID_PARAMETER, why));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
