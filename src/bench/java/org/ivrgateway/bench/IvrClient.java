package org.ivrgateway.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One VoiceXML browser's view of the gateway: a function called as a namelist subdialog (a form POST to
 * {@code /vxml/{Function}}, CONTRACT §3.3a), its result read from the document, and the REST calls of the
 * telephony side and the agents (§6). Each request is timed into the current {@link Recorder}; a transport
 * failure, an HTTP status other than 200, or an answer without a ReturnCode counts as an error and
 * gives null, so a port simply abandons its call and starts the next one.
 */
final class IvrClient {
    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpPool http;
    private final Supplier<Recorder> recorder;

    IvrClient(HttpPool http, Supplier<Recorder> recorder) {
        this.http = http;
        this.recorder = recorder;
    }

    HttpPool http() {
        return http;
    }

    /** Calls {@code function} with name/value pairs; the kind recorded is the function's name. */
    ResultDocument call(String function, String... namesAndValues) {
        return callAs(function, function, namesAndValues);
    }

    /** The same, recorded under {@code kind}. */
    ResultDocument callAs(String kind, String function, String... namesAndValues) {
        HttpPool.Response r = send(kind, () -> http.post("/vxml/" + function, FORM, form(namesAndValues)));
        if (r == null) return null;
        ResultDocument doc = ResultDocument.parse(r.body());
        if (doc.returnCode() == null) {
            recorder.get().error(kind, "no ReturnCode in the answer", r.body());
            return null;
        }
        return doc;
    }

    /** A REST POST; the answer body, or null on failure. */
    String rest(String kind, String path, String json) {
        HttpPool.Response r = send(kind, () -> http.post(path, "application/json", json));
        return r == null ? null : r.body();
    }

    private HttpPool.Response send(String kind, Exchange exchange) {
        long start = System.nanoTime();
        HttpPool.Response r;
        try {
            r = exchange.run();
        } catch (IOException | RuntimeException e) {
            recorder.get().error(kind, e.getClass().getSimpleName(), e.getMessage());
            return null;
        }
        Recorder rec = recorder.get();
        rec.request(kind, (System.nanoTime() - start) / 1_000);
        rec.answer(kind, r.body());
        if (r.status() / 100 != 2) {
            rec.error(kind, "HTTP " + r.status(), r.body());
            return null;
        }
        return r;
    }

    static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder(128);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) body.append('&');
            body.append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** The value of a string field in a flat JSON object, enough for {@code {"callId":"…"}}. */
    static String jsonField(String json, String field) {
        int key = json.indexOf("\"" + field + "\"");
        if (key < 0) return null;
        int open = json.indexOf('"', json.indexOf(':', key) + 1);
        int close = json.indexOf('"', open + 1);
        return open < 0 || close < 0 ? null : json.substring(open + 1, close);
    }

    @FunctionalInterface
    private interface Exchange {
        HttpPool.Response run() throws IOException;
    }
}
