package org.ivrgateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ivrgateway.testing.TestAccess;
import org.ivrgateway.json.Json;

/** A JSON client for the tests, on the JDK HttpClient, with a bearer token; every request has a bounded timeout. */
final class Rest implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final String token;

    /** A client presenting an administrator's token ({@link TestAccess#ADMIN_TOKEN}). */
    Rest(URI base) {
        this(base, TestAccess.ADMIN_TOKEN);
    }

    /** A client presenting {@code token} as {@code Authorization: Bearer}; null presents none. */
    Rest(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    URI base() {
        return base;
    }

    /** An answer: its status, its body parsed as JSON (null when empty or not JSON), its raw text and headers. */
    record Answer(int status, JsonNode json, String text, HttpHeaders headers) {
        String field(String name) {
            return json.path(name).asText(null);
        }

        int code() {
            return json.path("code").asInt();
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer send(String method, String path, String body) {
        return send(request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A request of this client, with its token; {@link #send(HttpRequest)} sends it. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !response.body().isEmpty()) {
                json = Json.MAPPER.readTree(response.body());
            }
            return new Answer(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
