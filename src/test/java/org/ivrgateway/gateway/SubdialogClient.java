package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.mozilla.javascript.Context;

/**
 * Calls {@code /vxml/{Function}} as a VoiceXML browser runs a {@code <subdialog>}: by namelist (GET with
 * a query, or POST with a form body) or by {@code <param>} (an empty GET for the collecting document,
 * whose vars the params initialise, then the POST its {@code <submit>} makes). Every document must carry
 * the contract's headers and validate against the VoiceXML 2.1 schema; the returned values are what
 * Rhino reads from the {@code <return namelist>}. With cookies on, the session cookie travels as a
 * browser's would; with them off, a test passes {@code SessionID} itself.
 */
final class SubdialogClient {
    enum Style { GET, POST, PARAM }

    /** A served document and the answer it came in. */
    record Reply(HttpResponse<String> response, VxmlDocument document) {
    }

    private final URI base;
    private final HttpClient http;

    SubdialogClient(URI base, boolean cookies) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (cookies) b.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        this.http = b.build();
    }

    HttpClient http() {
        return http;
    }

    URI base() {
        return base;
    }

    /** The values the subdialog returns, ReturnCode first. */
    Map<String, Object> call(String function, Map<String, ?> params, Style style) {
        return fetch(function, params, style).document().evaluate("return", Map.of());
    }

    Reply fetch(String function, Map<String, ?> params, Style style) {
        URI uri = base.resolve("vxml/" + function);
        return switch (style) {
            case GET -> document(send(HttpRequest.newBuilder(params.isEmpty() ? uri : URI.create(uri + "?" + form(params))).GET()));
            case POST -> document(send(post(uri, form(params))));
            case PARAM -> {
                VxmlDocument collecting = document(send(HttpRequest.newBuilder(uri).GET())).document();
                // VoiceXML 2.1 §2.3.4: a <param> naming no variable of the subdialog is error.semantic.
                List<String> declared = collecting.vars().stream().map(VxmlDocument.Var::name).toList();
                params.keySet().forEach(name -> assertTrue(declared.contains(name),
                        () -> "<param name=\"" + name + "\"> is error.semantic: not declared in " + declared));
                var submit = collecting.element("submit");
                assertEquals("post", submit.getAttribute("method"), "the collecting document must post");
                Map<String, Object> sent = collecting.evaluate("submit", params);
                yield document(send(post(uri.resolve(submit.getAttribute("next")), form(sent))));
            }
        };
    }

    static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Checks an answer is a VoiceXML document as docs/VXML.md ("Returned variables") says, and reads it. */
    static Reply document(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "status of " + response.uri() + ": " + response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.replace(" ", "").equalsIgnoreCase("application/voicexml+xml;charset=UTF-8"), type);
        assertEquals("no-cache, no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
        ZonedDateTime expires = ZonedDateTime.parse(response.headers().firstValue("Expires").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(expires.isBefore(ZonedDateTime.now()), "Expires must be in the past: " + expires);
        return new Reply(response, new VxmlDocument(response.body()));
    }

    /** application/x-www-form-urlencoded, values converted as ECMAScript's ToString does. */
    static String form(Map<String, ?> params) {
        Map<String, String> text = new LinkedHashMap<>();
        params.forEach((k, v) -> text.put(k, v instanceof String s ? s : Context.toString(v)));
        return text.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
