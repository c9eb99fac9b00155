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
        long start = System.nanoTime();
        HttpPool.Response r = send(kind, false, () -> http.post("/vxml/" + function, FORM, form(namesAndValues)));
        if (r == null) return null;
        long micros = (System.nanoTime() - start - r.poolWaitNanos()) / 1_000;
        ResultDocument doc = ResultDocument.parse(r.body()).timed(micros);
        if (doc.returnCode() == null) {
            recorder.get().error(kind, "no ReturnCode in the answer", r.body());
            recorder.get().refused("no ReturnCode", micros);
            return null;
        }
        return doc;
    }

    /**
     * {@code doc} when it carries ReturnCode {@code code} (an admitted answer); otherwise null, counted as an
     * error and a refusal by its code. Null stays null (the failure is counted already).
     */
    ResultDocument expect(int code, ResultDocument doc, String kind) {
        if (doc == null) return null;
        Recorder rec = recorder.get();
        if (doc.returnCode() != code) {
            rec.error(kind, "ReturnCode " + doc.returnCode(), doc.values().toString());
            rec.refused("ReturnCode " + doc.returnCode(), doc.micros());
            return null;
        }
        rec.admitted(doc.micros());
        return doc;
    }

    /** A REST POST; the answer body, or null on failure. */
    String rest(String kind, String path, String json) {
        HttpPool.Response r = send(kind, true, () -> http.post(path, "application/json", json));
        return r == null ? null : r.body();
    }

    /**
     * One exchange, timed; a failure is an error and a refusal (by HTTP status or exception). A REST answer
     * that succeeded is admitted here; a VoiceXML one by the port, which knows which ReturnCode it expected.
     */
    private HttpPool.Response send(String kind, boolean rest, Exchange exchange) {
        long start = System.nanoTime();
        HttpPool.Response r;
        try {
            r = exchange.run();
        } catch (IOException | RuntimeException e) {
            Recorder rec = recorder.get();
            rec.error(kind, e.getClass().getSimpleName(), e.getMessage());
            rec.refused(e.getClass().getSimpleName(), (System.nanoTime() - start) / 1_000);
            return null;
        }
        // The server's time: the generator's own wait for a free connection is recorded apart.
        long micros = (System.nanoTime() - start - r.poolWaitNanos()) / 1_000;
        Recorder rec = recorder.get();
        rec.request(kind, micros);
        rec.poolWait(r.poolWaitNanos() / 1_000);
        rec.answer(kind, r.body());
        if (r.status() / 100 != 2) {
            rec.error(kind, "HTTP " + r.status(), r.body());
            rec.refused("HTTP " + r.status(), micros);
            return null;
        }
        if (rest) rec.admitted(micros);
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
