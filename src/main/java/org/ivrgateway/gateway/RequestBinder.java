package org.ivrgateway.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.ivrgateway.api.AsciiNames;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request into a {@link Binding}, once, whatever renders it (docs/VXML.md, "Parameters" and "Two
 * invocation styles, one URL").
 *
 * <p>The fields are read by {@link FormReader}, bounded in number and size. Names are matched to the
 * catalog ignoring the case of ASCII letters only and passed on in the catalog's spelling; values stay
 * strings (the core converts and checks them). {@code SessionID} comes from the request, else from the
 * cookie. A name that is no parameter of the function (a script's own variable in a namelist) is ignored,
 * counted in {@value #IGNORED_METRIC} by function and logged at debug level; a by-reference-only
 * parameter (a namelist that lists {@code EstimatedWait}) is ignored too. A parameter given twice with
 * different values (also in two spellings of its name), a value over {@link Limits#MAX_VALUE_CHARS} or a
 * request that cannot be read is -306; the same value twice is accepted.
 */
final class RequestBinder {
    static final String IGNORED_METRIC = "ivr.gateway.ignored.parameters";
    private static final Logger LOG = LoggerFactory.getLogger(RequestBinder.class);

    private final Map<IvrFunction, Counter> ignored = new EnumMap<>(IvrFunction.class);

    RequestBinder(MeterRegistry registry) {
        for (IvrFunction f : IvrFunction.values()) {
            ignored.put(f, Counter.builder(IGNORED_METRIC)
                    .description("request parameters ignored because the function has no parameter of that name")
                    .tag("function", f.guideName()).register(registry));
        }
    }

    Binding bind(IvrFunction function, HttpServletRequest request, boolean collectWhenEmpty) {
        if (request.getContentLengthLong() > Limits.MAX_BODY_BYTES) {
            drainUnread(request);
            return reject(function, "the request body is larger than " + Limits.MAX_BODY_BYTES + " bytes", Map.of());
        }
        List<FormReader.Field> fields;
        try {
            fields = new FormReader().read(request);
        } catch (FormReader.Unreadable e) {
            drainUnread(request);
            return reject(function, e.getMessage(), Map.of());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        String sessionId = null;
        boolean namedAnInput = false;
        String problem = null;
        List<String> unknown = new ArrayList<>();
        for (FormReader.Field field : fields) {
            String name = field.name();
            boolean isSession = AsciiNames.same(name, ResultNames.SESSION_ID);
            Optional<Parameter> parameter = isSession ? Optional.empty() : function.parameter(name);
            if (parameter.isPresent() && !parameter.get().direction().isInput()) continue;
            if (!isSession && parameter.isEmpty()) {
                unknown.add(name);
                continue;
            }
            namedAnInput = true;
            String value = field.value();
            // A parameter the core will not look at is not checked here either (multiTenantOnly).
            boolean looked = parameter.map(p -> !p.multiTenantOnly()).orElse(true);
            if (isSession) {
                String before = sessionId;
                sessionId = value;
                if (problem == null && before != null && !before.equals(value)) {
                    problem = ResultNames.SESSION_ID + " is given twice with different values";
                }
            } else {
                Object before = values.putIfAbsent(parameter.get().name(), value);
                if (problem == null && before != null && !before.equals(value)) {
                    problem = parameter.get().name() + " is given twice with different values";
                }
            }
            if (problem == null && looked && value.length() > Limits.MAX_VALUE_CHARS) {
                problem = name + " is longer than " + Limits.MAX_VALUE_CHARS + " characters";
            }
        }
        if (!unknown.isEmpty()) {
            ignored.get(function).increment(unknown.size());
            if (LOG.isDebugEnabled()) LOG.debug("{}: ignored {}, not parameters of the function", function.guideName(),
                    unknown.stream().map(RequestBinder::printable).toList());
        }
        // Only a request naming no input nor SessionID is the first fetch of the param style.
        if (!namedAnInput && collectWhenEmpty) return new Binding.Collect(function);
        if (problem != null) return reject(function, problem, values);
        if (sessionId == null || sessionId.isEmpty()) sessionId = SessionCookie.read(request);
        return new Binding.Execute(new Invocation(function, sessionId, request.getRemoteAddr(), values, arrival(request)));
    }

    /**
     * When the request began to arrive, by Jetty's clock (System.nanoTime): its Timeout and RpcTimeout count
     * from there, not from the moment a thread took it up, which under load is later.
     */
    private static long arrival(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        return jetty == null ? Invocation.AT_INVOKE : jetty.getBeginNanoTime();
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

    private static Binding reject(IvrFunction function, String why, Map<String, Object> values) {
        return new Binding.Reject(Result.failure(function, ReturnCode.INVALID_PARAMETER, why).keepingInputs(values));
    }

    /** A name as it may go into a log line: no control characters, at most 40 characters. */
    private static String printable(String name) {
        String shown = name.length() <= 40 ? name : name.substring(0, 40) + "…";
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
