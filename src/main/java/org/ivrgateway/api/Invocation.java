package org.ivrgateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of one function, before validation: the function, the API session it runs in (null when the
 * caller has none), who is calling (used by Initialize to find the port's previous session), and the
 * input values by parameter name (String, or Integer for integer parameters), and when the request arrived
 * ({@link System#nanoTime()}; {@link #AT_INVOKE} for "when it is invoked"), from which its deadlines
 * count. An absent value is simply not in the map.
 */
public record Invocation(IvrFunction function, String sessionId, String client, Map<String, Object> values,
                         long arrivedNanos) {
    /** {@link #arrivedNanos} of an invocation that arrives when it is invoked (an in-process caller). */
    public static final long AT_INVOKE = 0;

    public Invocation {
        Objects.requireNonNull(function, "function");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Invocation(IvrFunction function, String sessionId, String client, Map<String, Object> values) {
        this(function, sessionId, client, values, AT_INVOKE);
    }

    public static Invocation of(IvrFunction function, String sessionId) {
        return new Invocation(function, sessionId, null, Map.of());
    }

    /**
     * A copy that arrived at {@code nanos}: an HTTP request's arrival at the server, so that the time it
     * queued for a thread counts toward its Timeout and RpcTimeout (docs/RELIABILITY.md).
     */
    public Invocation arrivedAt(long nanos) {
        return new Invocation(function, sessionId, client, values, nanos);
    }

    /** A copy with one more input value; a null value leaves the parameter absent. */
    public Invocation with(String name, Object value) {
        if (value == null) return this;
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Invocation(function, sessionId, client, copy, arrivedNanos);
    }

    public Invocation from(String client) {
        return new Invocation(function, sessionId, client, values, arrivedNanos);
    }

    /** {@link #bind(boolean)} as in a multi-tenant contact center: every parameter given is looked at. */
    public Arguments bind() {
        return bind(true);
    }

    /**
     * Checks every value against the catalog and returns the typed arguments (docs/VXML.md, "Parameters").
     * A name that is no parameter of the function, or names an output only, is ignored; so is a
     * {@link Parameter#multiTenantOnly} parameter when {@code multiTenant} is false. An empty string counts
     * as absent unless the parameter has {@link Parameter#emptyIsValue}.
     *
     * @throws InvalidArgumentException for a missing required parameter, one given twice with different
     *     values (in two spellings of its name), or a value of the wrong type, out of range, too long or
     *     that cannot be stored ({@link StoredText})
     */
    public Arguments bind(boolean multiTenant) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Parameter p = function.parameter(e.getKey()).filter(q -> q.direction().isInput()).orElse(null);
            if (p == null || (p.multiTenantOnly() && !multiTenant)) continue;
            Object raw = e.getValue();
            if (raw instanceof String s && s.isEmpty() && !p.emptyIsValue()) continue;
            Object value = p.accept(raw);
            Object before = typed.putIfAbsent(p.name(), value);
            if (before != null && !before.equals(value)) {
                throw new InvalidArgumentException(p.name(), "is given twice with different values");
            }
        }
        for (Parameter p : function.inputs()) {
            if (!p.isOptional() && !typed.containsKey(p.name())) {
                throw new InvalidArgumentException(p.name(), "is required by " + function.guideName());
            }
        }
        return new Arguments(function, typed);
    }
}
