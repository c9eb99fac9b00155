package org.ivrgateway.telephony.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kamailio's JSON-RPC (module jsonrpcs over xhttp, docs/TELEPHONY.md), for what the switch does on the
 * gateway's request outside of a transaction: ending a dialog ({@code dlg.end_dlg}, BYE to both sides).
 */
final class KamailioRpc {
    private final URI uri;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong ids = new AtomicLong();

    KamailioRpc(String url, ObjectMapper json) {
        this.uri = URI.create(url);
        this.json = json;
    }

    /** What {@code dlg.end_dlg} did. */
    enum Ended { ENDED, UNKNOWN, FAILED }

    /**
     * Ends a confirmed dialog: ENDED, UNKNOWN when Kamailio does not know it (already ended, 404), FAILED
     * for any other error (for example a dialog not confirmed yet).
     */
    Ended endDialog(long hEntry, long hId) throws IOException, InterruptedException {
        JsonNode reply = call("dlg.end_dlg", List.of(hEntry, hId));
        if (!reply.has("error")) return Ended.ENDED;
        return reply.path("error").path("code").asInt() == 404 ? Ended.UNKNOWN : Ended.FAILED;
    }

    private JsonNode call(String method, List<?> params) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("jsonrpc", "2.0", "method", method, "params", params,
                "id", ids.incrementAndGet()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Kamailio JSON-RPC " + method + ": HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
