package org.ivrgateway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of one function, before validation: the function, the API session it runs in (null when the
 * caller has none), who is calling (used by Initialize to find the port's previous session), and the
 * input values by parameter name (String, or Integer for integer parameters). An absent value is simply
 * not in the map.
 */
public record Invocation(IvrFunction function, String sessionId, String client, Map<String, Object> values) {

    public Invocation {
        Objects.requireNonNull(function, "function");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Invocation of(IvrFunction function, String sessionId) {
        return new Invocation(function, sessionId, null, Map.of());
    }

    /** A copy with one more input value; a null value leaves the parameter absent. */
    public Invocation with(String name, Object value) {
        if (value == null) return this;
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Invocation(function, sessionId, client, copy);
    }

    public Invocation from(String client) {
        return new Invocation(function, sessionId, client, values);
    }

    /**
     * Checks every value against the catalog and returns the typed arguments.
     *
     * @throws InvalidArgumentException for an unknown or output-only parameter, a missing required one, or
     *     a value of the wrong type, out of range or too long
     */
    public Arguments bind() {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Parameter p = function.parameter(e.getKey())
                    .filter(q -> q.direction().isInput())
                    .orElseThrow(() -> new InvalidArgumentException(e.getKey(),
                            "is not an input parameter of " + function.guideName()));
            Object raw = e.getValue();
            if (raw instanceof String s && s.isEmpty()) continue; // an empty value counts as absent
            typed.put(p.name(), p.accept(raw));
        }
        for (Parameter p : function.inputs()) {
            if (!p.isOptional() && !typed.containsKey(p.name())) {
                throw new InvalidArgumentException(p.name(), "is required by " + function.guideName());
            }
        }
        return new Arguments(function, typed);
    }
}
