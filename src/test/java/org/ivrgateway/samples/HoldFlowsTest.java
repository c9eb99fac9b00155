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
import org.junit.jupiter.api.Test;

/** ivr-hold.vxml and queue-hold.vxml run to their ends against the real server (guide 3.4.1, 3.4.2). */
class HoldFlowsTest extends SampleFlow {
    private static final String SALES_LINE = "69030";
    private static final String IVR = "36200";

    private QueueConfig sales() {
        return center.config.queue("Sales").orElseThrow();
    }

    @Test
    void ivrHoldCallerWaitsThenIsTransferredToTheAgentsExtension() {
        String callId = center.offer(IVR, ANI, SALES_LINE);
        int waited = sales().serviceLevelSeconds() + 5; // past the service level, short of the overflow
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, IVR).press("1")
                .listen(once(fetchOf("QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(waited));
                    center.agentAvailable("790006", "5001");
                }))
                .onTransfer(dest -> {
                    center.post("api/calls/" + callId + "/answered", "{}");
                    return TransferOutcome.CONNECTED;
                }));
        assertEquals("5001", call.lastTransferNumber(), call::toString);
        assertEquals("Sales", call.fetches("Enqueue").getFirst().params().get("QueueName"));
        assertAgentTalking("790006", callId);
        assertStatistics(List.of(waited), 0);
    }

    @Test
    void ivrHoldCallOverflowsToTheQueuesOverflowDestination() {
        center.offer(IVR, ANI, SALES_LINE);
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, IVR).press("1")
                .listen(once(fetchOf("QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(sales().overflow().afterSeconds() + 1));
                    center.center.runTimers();
                })));
        assertEquals(sales().overflow().destination(), call.lastTransferNumber(), call::toString);
        assertStatistics(List.of(), 1);
    }

    @Test
    void ivrHoldTakesTheFallbackNumberWhenTheTelephonyServerIsDown() throws Exception {
        // With a heartbeat configured, a telephony side silent longer than it is down: TServer is no longer 8.
        center.close();
        center = new SampleCenter("samples/center.yaml", "telephony: { heartbeatSeconds: 60 }");
        center.offer(IVR, ANI, SALES_LINE);
        center.clock.advance(Duration.ofMinutes(5));
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, IVR));
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
        assertEquals(0, call.fetches("Enqueue").size());
        assertStatistics(List.of(), 0);
    }

    @Test
    void queueHoldEnqueuesWithIvrHold0AndTheContactCenterRedirectsItFromThePilot() {
        String callId = center.offer(IVR, ANI, SALES_LINE);
        CallRecord call = center.call("queue-hold.vxml", CallScript.call(ANI, IVR));
        assertEquals("0", call.fetches("Enqueue").getFirst().params().get("IVRHold"));
        assertEquals(sales().pilot(), call.lastTransferNumber(), call::toString);
        assertTrue(center.post("api/telephony/arrived", "{\"dialed\":\"" + call.lastTransferNumber() + "\"}").contains(callId));
        assertEquals(1, center.queue("Sales").path("callsWaiting").asInt(), "the call waits at the pilot");

        int waited = sales().serviceLevelSeconds() - 1;
        center.clock.advance(Duration.ofSeconds(waited));
        center.agentAvailable("790006", "5001");
        JsonNode redirect = center.pendingEvents("REDIRECT").getFirst();
        assertEquals(callId, redirect.path("callId").asText());
        assertEquals("5001", redirect.path("destination").asText());
        assertStatistics(List.of(waited), 0);
    }

    private void assertStatistics(List<Integer> answeredWaits, int unansweredEnded) {
        assertQueueFigures("Sales", answeredWaits, unansweredEnded);
    }
}
