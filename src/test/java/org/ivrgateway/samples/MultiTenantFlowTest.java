package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.junit.jupiter.api.Test;

/** multi-tenant.vxml (guide 3.5) against the real server with {@code multiTenant: true}. */
class MultiTenantFlowTest extends SampleFlow {
    private static final String IVR = "36202";
    private static final String WIRELESS_LINE = "69040";

    @Override
    SampleCenter newCenter() throws Exception {
        return new SampleCenter("samples/center.yaml", "multiTenant: true");
    }

    @Test
    void theCallIsPutInItsBusinessUnitAndSentToThatUnitsPilot() {
        QueueConfig wireless = center.config.queue("Wireless").orElseThrow();
        String callId = center.offer(IVR, ANI, WIRELESS_LINE);
        CallRecord call = center.call("multi-tenant.vxml", CallScript.call(ANI, IVR));

        assertEquals(wireless.businessUnit(), call.fetches("SetBusinessUnit").getFirst().params().get("BusinessUnitName"));
        assertEquals(List.of("multi-tenant: SetBusinessUnit(" + wireless.businessUnit() + ") gave 0",
                "multi-tenant: the call belongs to " + wireless.businessUnit()), call.logs(l -> l.equals("multi-tenant")).stream()
                .filter(l -> !l.contains("left the IVR")).toList());
        assertEquals(2, call.fetches("GetBusinessUnit").size(), "the <param> style: the collecting page, then the call");
        assertEquals(wireless.name(), call.fetches("Enqueue").getFirst().params().get("QueueName"));
        assertEquals(wireless.pilot(), call.lastTransferNumber(), call::toString);
        assertEquals(wireless.businessUnit(), center.callView(callId).path("businessUnit").asText());

        assertTrue(center.post("api/telephony/arrived", "{\"dialed\":\"" + wireless.pilot() + "\"}").contains(callId));
        int waited = wireless.serviceLevelSeconds() + 3;
        center.clock.advance(Duration.ofSeconds(waited));
        center.agentAvailable("790011", "5003");
        JsonNode redirect = center.pendingEvents("REDIRECT").getFirst();
        assertEquals(callId, redirect.path("callId").asText());
        assertEquals("5003", redirect.path("destination").asText());

        assertEquals(wireless.businessUnit(), center.queue(wireless.name()).path("businessUnit").asText());
        assertQueueFigures(wireless.name(), List.of(waited), 0);
    }
}
