package org.ivrgateway.api;

import java.util.Map;

/** The validated, typed inputs of one invocation, keyed by the catalog's spelling of each name. */
public record Arguments(IvrFunction function, Map<String, Object> values) {

    public Arguments {
        values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The string value, or null when absent. */
    public String string(String name) {
        return (String) values.get(checked(name));
    }

    /** The string value, or {@code fallback} when absent. */
    public String string(String name, String fallback) {
        String v = string(name);
        return v == null ? fallback : v;
    }

    /** The integer value, or {@code fallback} when absent. */
    public int integer(String name, int fallback) {
        Object v = values.get(checked(name));
        return v == null ? fallback : (Integer) v;
    }

    /** The integer value of a required parameter. */
    public int integer(String name) {
        return (Integer) values.get(checked(name));
    }

    private String checked(String name) {
        if (function.parameter(name).isEmpty()) {
            throw new IllegalArgumentException(function.guideName() + " has no parameter " + name);
        }
        return name;
    }
}
