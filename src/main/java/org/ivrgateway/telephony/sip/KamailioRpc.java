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
 * gateway's request outside of a transaction, each an event route of samples/kamailio/kamailio.cfg run with
 * {@code evrexec.run}: ending a dialog ({@code evrexec:disconnect}, a BYE to each side), transferring its
 * caller ({@code evrexec:transfer}, a REFER) and placing a callback's call ({@code evrexec:dial}).
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

    /**
     * Ends the confirmed dialog of the SIP call {@code sipCallId}: Kamailio sends a BYE to each side (and
     * reports the end as an {@code ended} event). False when the RPC failed; a dialog Kamailio does not know
     * (any more) is only logged by Kamailio.
     */
    boolean disconnect(String sipCallId) throws IOException, InterruptedException {
        String data = json.writeValueAsString(Map.of("callId", sipCallId));
        return !call("evrexec.run", List.of("evrexec:disconnect", data)).has("error");
    }

    /**
     * Sends the caller of the confirmed dialog {@code sipCallId} a REFER to {@code number}, naming the call
     * {@code callId} (X-IVR-CallID). False when the RPC failed.
     */
    boolean transfer(String sipCallId, String number, String callId) throws IOException, InterruptedException {
        String data = json.writeValueAsString(Map.of("callId", sipCallId, "to", number, "ivrCallId", callId));
        return !call("evrexec.run", List.of("evrexec:transfer", data)).has("error");
    }

    /**
     * Places a callback's call (docs/TELEPHONY.md): Kamailio rings the phone registered for {@code device}
     * and, once answered, has it call {@code number}. False when the RPC failed.
     */
    boolean dial(String device, String number) throws IOException, InterruptedException {
        String data = json.writeValueAsString(Map.of("from", device, "to", number));
        return !call("evrexec.run", List.of("evrexec:dial", data)).has("error");
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
