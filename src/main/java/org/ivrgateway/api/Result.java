package org.ivrgateway.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a function returns: its return code and a value for every by-reference parameter (empty string or
 * 0 where the function set none, so a caller never reads undefined), plus an optional detail for logs and
 * document comments (the -306 reason, the -305 incident id). Never null fields but {@code detail}.
 */
public record Result(IvrFunction function, int returnCode, Map<String, Object> values, String detail) {

    public Result {
        Map<String, Object> complete = new LinkedHashMap<>();
        for (Parameter p : function.outputs()) {
            Object v = values.get(p.name());
            complete.put(p.name(), v == null ? p.emptyValue() : v);
        }
        values = Collections.unmodifiableMap(complete);
    }

    public static Result of(IvrFunction function, int returnCode) {
        return new Result(function, returnCode, Map.of(), null);
    }

    public static Result of(IvrFunction function, ReturnCode code) {
        return of(function, code.code());
    }

    public static Result success(IvrFunction function) {
        return of(function, ReturnCode.SUCCESS);
    }

    public static Result failure(IvrFunction function, ReturnCode code, String detail) {
        return new Result(function, code.code(), Map.of(), detail);
    }

    /**
     * A copy with one output set. The name must be an output of the function and the value of its type:
     * a typo here is a programming error, caught by the first test that runs it.
     */
    public Result with(String name, Object value) {
        Parameter p = function.parameter(name).filter(q -> q.direction().isOutput())
                .orElseThrow(() -> new IllegalArgumentException(function.guideName() + " has no output " + name));
        Object typed = switch (p.type()) {
            case INTEGER -> value == null ? null : ((Number) value).intValue();
            case STRING -> value == null ? null : value.toString();
        };
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(p.name(), typed);
        return new Result(function, returnCode, copy, detail);
    }

    /**
     * On failure, every by-reference parameter that also carries input (CreateCallback's CallID and
     * Description, QueryAgentStatus's AgentID and Device) that the function left empty gets the value the
     * caller passed in, so a script that assigns it back loses nothing (docs/VXML.md, "Returned
     * variables"). A success, and an input not given, change nothing.
     *
     * @param inputs the invocation's values by catalog name
     */
    public Result keepingInputs(Map<String, ?> inputs) {
        if (isSuccess()) return this;
        Map<String, Object> copy = null;
        for (Parameter p : function.outputs()) {
            Object given = p.direction() == Direction.IN_OUT ? inputs.get(p.name()) : null;
            if (given == null || p.type() != ParamType.STRING || !"".equals(values.get(p.name()))) continue;
            if (copy == null) copy = new LinkedHashMap<>(values);
            copy.put(p.name(), given.toString());
        }
        return copy == null ? this : new Result(function, returnCode, copy, detail);
    }

    public Result withDetail(String detail) {
        return new Result(function, returnCode, values, detail);
    }

    public boolean isSuccess() {
        return returnCode >= 0;
    }

    public String string(String name) {
        return (String) values.get(function.parameter(name).orElseThrow().name());
    }

    public int integer(String name) {
        return (Integer) values.get(function.parameter(name).orElseThrow().name());
    }
}
