package org.ivrgateway.web.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One endpoint: a method, a path template with {@code {variables}}, and its handler. */
public record Route(String method, String template, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Reply handle(RestRequest request);
    }

    /** The template's variables when {@code path} fits it, segment by segment. */
    Optional<Map<String, String>> match(String path) {
        String[] want = template.split("/");
        String[] have = path.split("/", -1);
        if (want.length != have.length) return Optional.empty();
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (have[i].isEmpty()) return Optional.empty();
                variables.put(want[i].substring(1, want[i].length() - 1), have[i]);
            } else if (!want[i].equals(have[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }
}
