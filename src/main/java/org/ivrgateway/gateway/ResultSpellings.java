package org.ivrgateway.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;

/**
 * The result variables as all three renderers send them: every output of the result under its guide
 * name, and where the guide spells a result two ways, both. The tables of Enqueue, EnqueueForAgent and
 * QueryRoutingInfo say {@code CallsInQueue}, their syntax lines {@code CallsinQueue}, and ECMAScript is
 * case-sensitive, so both names carry the same value (docs/VXML.md, "Returned variables";
 * docs/CONFORMANCE.md records the choice).
 */
final class ResultSpellings {
    static final String CALLS_IN_QUEUE = "CallsInQueue";
    static final String CALLS_IN_QUEUE_SYNTAX_LINE = "CallsinQueue";
    private static final Set<IvrFunction> BOTH_SPELLINGS = Set.of(
            IvrFunction.ENQUEUE, IvrFunction.ENQUEUE_FOR_AGENT, IvrFunction.QUERY_ROUTING_INFO);

    private ResultSpellings() {
    }

    /** The outputs in the guide's order, the second spelling right after the first. */
    static Map<String, Object> outputs(Result result) {
        if (!BOTH_SPELLINGS.contains(result.function())) return result.values();
        Map<String, Object> out = new LinkedHashMap<>();
        result.values().forEach((name, value) -> {
            out.put(name, value);
            if (name.equals(CALLS_IN_QUEUE)) out.put(CALLS_IN_QUEUE_SYNTAX_LINE, value);
        });
        return out;
    }

    /** The names a function's result carries besides its catalog's outputs. */
    static List<String> extraNames(IvrFunction function) {
        return BOTH_SPELLINGS.contains(function) ? List.of(CALLS_IN_QUEUE_SYNTAX_LINE) : List.of();
    }
}
