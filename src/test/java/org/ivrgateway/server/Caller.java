package org.ivrgateway.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One requester of the access tests (docs/SECURITY.md): nobody, a machine with a bearer token, or a
 * person signed in to the console (its cookie and the CSRF token of its forms). Redirects are not
 * followed, so a test sees the 303 to the sign-in page.
 */
final class Caller {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final String label;
    private final URI base;
    private final String authorization;
    private String cookie;
    private String csrf = "";

    private Caller(String label, URI base, String authorization) {
        this.label = label;
        this.base = base;
        this.authorization = authorization;
    }

    static Caller anonymous(URI base) {
        return new Caller("anonymous", base, null);
    }

    static Caller token(String label, URI base, String token) {
        return new Caller(label, base, "Bearer " + token);
    }

    /** A person who signs in with that name and password; fails when the sign-in is refused. */
    static Caller signedIn(String label, URI base, String name, String password) {
        Caller c = new Caller(label, base, null);
        HttpResponse<String> r = c.signIn(name, password);
        if (r.statusCode() != 303) throw new AssertionError("sign-in of " + name + ": " + r.statusCode() + " " + r.body());
        c.cookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ivr_console="))
                .map(h -> h.substring(0, h.indexOf(';'))).findFirst().orElseThrow();
        String page = c.send("GET", r.headers().firstValue("Location").orElseThrow(), null, null).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new AssertionError("no CSRF token on the start page of " + name);
        c.csrf = m.group(1);
        return c;
    }

    /** POSTs the sign-in form (no cookie of this caller is sent). */
    HttpResponse<String> signIn(String name, String password) {
        return send("POST", "/console/signin", form(Map.of("name", name, "password", password)),
                "application/x-www-form-urlencoded");
    }

    String csrf() {
        return csrf;
    }

    String cookie() {
        return cookie;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    HttpResponse<String> json(String method, String path, String body) {
        return send(method, path, body, body == null ? null : "application/json");
    }

    /** A console form post; the caller's CSRF token is added unless the fields name one. */
    HttpResponse<String> form(String path, Map<String, String> fields) {
        Map<String, String> all = new java.util.TreeMap<>(fields);
        all.putIfAbsent("csrf", csrf);
        return send("POST", path, form(all), "application/x-www-form-urlencoded");
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        if (cookie != null) b.header("Cookie", cookie);
        if (contentType != null) b.header("Content-Type", contentType);
        if (headers.length > 0) b.headers(headers);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return label;
    }
}
