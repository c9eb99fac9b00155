package org.ivrgateway.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.ivrgateway.testing.TestAccess;

/**
 * Plain HTTP to a gateway that may be killed or lose its database under it (DurabilityTest,
 * DatabaseFaultTest): IVR functions through the JSON twin, REST with the test admin token; a failure to
 * connect is an IOException for the caller to count, never a retry.
 */
final class RawGatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code function} with {@code params} as a form to {@code /api/ivr/}; the raw answer. */
    HttpResponse<String> ivrAnswer(URI base, String function, Map<String, String> params) throws IOException {
        String form = new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve("api/ivr/" + function))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    JsonNode ivr(URI base, String function, Map<String, String> params) throws IOException {
        return JSON.readTree(ivrAnswer(base, function, params).body());
    }

    HttpResponse<String> post(URI base, String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(URI base, String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
