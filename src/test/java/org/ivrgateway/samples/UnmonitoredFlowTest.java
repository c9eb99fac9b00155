package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.TransferOutcome;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** unmonitored.vxml (guide 2.3) against the real server: the transit number, and the caller's hang-up. */
@Slow
class UnmonitoredFlowTest extends SampleFlow {
    private static final String SALES_LINE = "69030";

    @BeforeEach
    void telephonyConnected() {
        center.get("api/telephony/events"); // the telephony connector polls
    }

    private QueueConfig sales() {
        return center.config.queue("Sales").orElseThrow();
    }

    @Test
    void unmonitoredCallReachesItsAgentThroughATransitNumber() {
        int waited = sales().serviceLevelSeconds() - 1;
        CallRecord call = center.call("unmonitored.vxml", CallScript.call(ANI, SALES_LINE).press("123456")
                .listen(once(fetchOf("QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(waited));
                    center.agentAvailable("790006", "5001");
                }))
                .onTransfer(dest -> {
                    center.post("api/telephony/arrived", "{\"dialed\":\"" + TransferOutcome.numberOf(dest) + "\"}");
                    return TransferOutcome.CONNECTED;
                }));
        String callId = call.fetches("Enqueue").getFirst().params().get("CallID");
        assertEquals("1", call.fetches("QueryCallInfo").getFirst().params().get("TrunkConnectedIVRCall"));
        assertTrue(center.config.transitNumbers().numbers().contains(call.lastTransferNumber()), call::toString);
        assertEquals(1, call.fetches("GetTransitNumber").size(), call::toString);
        assertEquals(0, call.fetches("CallerDisconnected").size(), call::toString);
        JsonNode arrival = center.pendingEvents("ARRIVAL").getFirst();
        assertEquals(callId, arrival.path("callId").asText());
        assertEquals(call.lastTransferNumber(), arrival.path("destination").asText());
        JsonNode redirect = center.pendingEvents("REDIRECT").getFirst();
        assertEquals(callId, redirect.path("callId").asText());
        assertEquals("5001", redirect.path("destination").asText(), "the switch is told to put it through to the agent");
        assertEquals("123456", center.callView(callId).path("contactData").path("customer").asText());
        assertQueueFigures("Sales", List.of(waited), 0);
    }

    @Test
    void unmonitoredCallerWhoHangsUpWhileHoldingIsReportedWithCallerDisconnected() {
        CallRecord call = center.call("unmonitored.vxml", CallScript.call(ANI, SALES_LINE).press("123456")
                .hangUpAfter(fetchOf("QueryCallStatus")));
        assertEquals("2", call.fetches("CallerDisconnected").getFirst().params().get("TermType"), call::toString);
        assertEquals(1, call.logs(l -> l.equals("unmonitored")).stream()
                .filter(l -> l.endsWith("CallerDisconnected gave 0")).count(), call::toString);
        assertEquals(0, call.transfers().size(), call::toString);
        assertQueueFigures("Sales", List.of(), 0); // abandoned within the threshold: not counted (docs/STATISTICS.md)
    }
}
