package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.Trace;
import org.junit.jupiter.api.Test;

/**
 * fmnq.vxml (guide 3.3, 3.4.3) against the real server. A queue-hold call that the switch plays to another IVR
 * port while it keeps its place in the queue is an FMNQ call (QueryCallInfo's FMNQ 1); the contact center, not
 * the IVR, moves it to the agent (a REDIRECT for the switch side) whenever it is transferable.
 */
class FmnqFlowTest extends SampleFlow {
    private static final String SALES_LINE = "69030";
    private static final String FIRST_IVR = "36200";
    private static final String FMNQ_IVR = "36201";
    private static final String AGENT = "790006";
    private static final String AGENT_DEVICE = "5001";
    /** The switch's identity of the caller's call, the same at both IVR ports. */
    private static final String SWITCH_CALL_ID = "3848276298220188511@192.0.2.10";

    /** queue-hold.vxml sends the call to the Sales pilot; the switch then plays it to another IVR port. */
    private String queuedCallBackAtTheIvr() {
        String callId = center.offer(FIRST_IVR, ANI, SALES_LINE, SWITCH_CALL_ID);
        CallRecord queueHold = center.call("queue-hold.vxml", CallScript.call(ANI, FIRST_IVR));
        assertEquals(callId, center.post("api/telephony/arrived", "{\"dialed\":\"" + queueHold.lastTransferNumber() + "\"}")
                .replaceAll("(?s).*\"callId\"\\s*:\\s*\"([^\"]+)\".*", "$1"), queueHold::toString);
        assertEquals(callId, center.offer(FMNQ_IVR, ANI, SALES_LINE, SWITCH_CALL_ID), "the same call, back at an IVR port");
        return callId;
    }

    /** The switch side carries out the contact center's REDIRECT of this call, if there is one: the agent answers. */
    private boolean switchRedirects(String callId) {
        for (JsonNode e : center.pendingEvents("REDIRECT")) {
            if (!e.path("callId").asText().equals(callId)) continue;
            assertEquals(AGENT_DEVICE, e.path("destination").asText());
            center.post("api/calls/" + callId + "/answered", "{}");
            center.post("api/telephony/events/" + e.path("id").asLong() + "/ack", "{}");
            return true;
        }
        return false;
    }

    /** The call script's end: the caller leaves the IVR once the switch has moved the call to the agent. */
    private CallScript movedByTheSwitch(CallScript script, String callId) {
        AtomicBoolean moved = new AtomicBoolean();
        return script.listen(t -> {
            if (!moved.get() && fetchOf("QueryCallStatus").test(t)) moved.set(switchRedirects(callId));
        }).hangUpAfter(t -> moved.get());
    }

    @Test
    void interruptibleFmnqCallIsMovedToTheAgentByTheContactCenter() {
        String callId = queuedCallBackAtTheIvr();
        int waited = center.config.queue("Sales").orElseThrow().serviceLevelSeconds() + 1;
        CallRecord call = center.call("fmnq.vxml", movedByTheSwitch(CallScript.call(ANI, FMNQ_IVR).press("1", "123456")
                .listen(once(fetchOf("QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(waited));
                    center.agentAvailable(AGENT, AGENT_DEVICE);
                })), callId));
        assertTrue(call.logs(l -> l.equals("fmnq")).stream().noneMatch(l -> l.contains("not an FMNQ call")), call::toString);
        assertEquals(0, call.fetches("SetCallTransferable").size(), "an interruptible session leaves the call transferable");
        assertEquals(0, call.transfers().size(), "the IVR transfers nothing: " + call);
        assertAgentTalking(AGENT, callId);
        assertEquals("123456", center.callView(callId).path("contactData").path("account").asText());
        assertQueueFigures("Sales", List.of(waited), 0);
    }

    @Test
    void uninterruptibleFmnqCallWaitsForSetCallTransferable1BeforeItGoesToTheAgent() {
        String callId = queuedCallBackAtTheIvr();
        int waited = center.config.queue("Sales").orElseThrow().serviceLevelSeconds() - 1;
        AtomicReference<String> agentDuringSession = new AtomicReference<>();
        AtomicReference<Integer> redirectsDuringSession = new AtomicReference<>();
        CallRecord call = center.call("fmnq.vxml", movedByTheSwitch(CallScript.call(ANI, FMNQ_IVR).press("2", "123456")
                .listen(once(fetchOf("SetContactData"), () -> {
                    center.clock.advance(Duration.ofSeconds(waited));
                    center.agentAvailable(AGENT, AGENT_DEVICE); // free while the caller keys the account number
                }))
                .listen(once(t -> t instanceof Trace.Fetched f && f.name().equals("SetCallTransferable")
                        && "1".equals(f.params().get("FlagValue")), () -> {
                    agentDuringSession.set(SampleCenter.json(center.get("api/agents/" + AGENT)).path("status").asText());
                    redirectsDuringSession.set(center.pendingEvents("REDIRECT").size());
                })), callId));
        assertEquals(List.of("0", "1"), call.fetches("SetCallTransferable").stream()
                .map(f -> f.params().get("FlagValue")).toList(), call::toString);
        assertEquals(List.of("fmnq: SetCallTransferable(0) gave 0", "fmnq: SetCallTransferable(1) gave 0"),
                call.logs(l -> l.equals("fmnq")).stream().filter(l -> l.contains("SetCallTransferable(")).toList());
        assertEquals("AVAILABLE", agentDuringSession.get(), "the call was not offered during the uninterruptible part");
        assertEquals(0, redirectsDuringSession.get());
        assertEquals(0, call.transfers().size(), "the IVR transfers nothing: " + call);
        assertAgentTalking(AGENT, callId);
        assertQueueFigures("Sales", List.of(waited), 0);
    }
}
