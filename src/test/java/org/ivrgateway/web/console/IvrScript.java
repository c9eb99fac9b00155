package org.ivrgateway.web.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a VoiceXML browser does for an IVR script: fetches {@code /vxml/{Function}} with a namelist (the
 * parameters in the query) and reads the result variables of the returned document.
 */
final class IvrScript implements AutoCloseable {
    private static final Pattern VAR = Pattern.compile("<var\\s+name=\"(\\w+)\"\\s+expr=\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private String session = "";

    IvrScript(URI base) {
        this.base = base;
    }

    /** Initialize, then QueryCallInfo at the IVR device: the CallID of the call offered there. */
    String answerAt(String localPort, String device) {
        Map<String, String> init = call("Initialize", "LocalPort", localPort, "AdminServerName", "console-test",
                "RpcTimeout", "10000");
        session = init.get("SessionID");
        return call("QueryCallInfo", "Device", device).get("CallID");
    }

    /** Calls the function with these name/value pairs; its result variables, ReturnCode 0 required. */
    Map<String, String> call(String function, String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) params.put(pairs[i], pairs[i + 1]);
        params.put("SessionID", session);
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("vxml/" + function + "?" + query))
                .timeout(Duration.ofSeconds(20)).GET().build();
        try {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Map<String, String> vars = new HashMap<>();
            Matcher m = VAR.matcher(body);
            while (m.find()) vars.put(m.group(1), literal(m.group(2)));
            if (!"0".equals(vars.get("ReturnCode"))) {
                throw new AssertionError(function + " gave ReturnCode " + vars.get("ReturnCode") + ":\n" + body);
            }
            return vars;
        } catch (IOException e) {
            throw new AssertionError(function + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(function + " interrupted", e);
        }
    }

    /** An ECMAScript literal as the document writes it (XML-escaped); plain test values only. */
    private static String literal(String expr) {
        String s = expr.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        if (s.length() >= 2 && (s.startsWith("'") || s.startsWith("\""))) s = s.substring(1, s.length() - 1);
        return s.replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @Override
    public void close() {
        http.close();
    }
}
