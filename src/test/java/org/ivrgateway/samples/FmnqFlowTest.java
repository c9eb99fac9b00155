package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.CallerInput;
import org.ivrgateway.samples.interpreter.Trace;
import org.ivrgateway.samples.interpreter.TransferOutcome;
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

    @Test
    void anErrorInAnFmnqSessionMakesTheCallUntransferableBeforeItTakesTheFallback() throws Exception {
        queuedCallBackAtTheIvr();
        CallRecord call = center.call("fmnq.vxml", CallScript.call(ANI, FMNQ_IVR).press("1", "123456")
                .failFetchOnce(f -> f.name().equals("SetContactData")));
        assertTrue(call.events().contains("error.badfetch"), call::toString);
        assertEquals(List.of("0"), call.fetches("SetCallTransferable").stream().map(f -> f.params().get("FlagValue")).toList(),
                call::toString);
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
        List<Trace> traces = call.traces();
        int flag = traces.indexOf(call.fetches("SetCallTransferable").getFirst());
        int transfer = traces.indexOf(call.transfers().getLast());
        assertTrue(flag < transfer, "SetCallTransferable(0) before the transfer: " + call);
        assertEquals(List.of("0"), call.returned("SetCallTransferable").stream().map(r -> r.get("ReturnCode")).toList());
    }

    @Test
    void whileTheContactCenterMovesTheCallTheIvrPausesBetweenPollsAndTransfersItItselfIfTheMoveNeverComes()
            throws Exception {
        String callId = queuedCallBackAtTheIvr();
        // The agent is free at the first poll; the switch side never carries out the REDIRECT.
        CallRecord call = center.call("fmnq.vxml", CallScript.call(ANI, FMNQ_IVR).press("1", "123456")
                .thenRepeat(CallerInput.silence())
                .listen(once(fetchOf("QueryCallStatus"), () -> center.agentAvailable(AGENT, AGENT_DEVICE)))
                .onTransfer(dest -> {
                    center.post("api/calls/" + callId + "/answered", "{}");
                    return TransferOutcome.CONNECTED;
                }));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        List<String> answers = call.returned("QueryCallStatus").stream().map(r -> r.get("ReturnCode")).toList();
        int moves = numberSetting("maxMovePolls");
        int leaves = numberSetting("maxLeaveAttempts");
        assertTrue(answers.stream().filter(a -> a.equals("2") || a.equals("6")).count() >= moves, call::toString);
        assertTrue(answers.size() <= moves + leaves, "polls are bounded: " + answers);
        assertEveryImmediateAnswerIsFollowedByAPause(call);
        assertEquals(AGENT_DEVICE, call.lastTransferNumber(), "the IVR transfers the call to the agent itself: " + call);
        assertTrue(call.fetches("SetCallTransferable").size() <= leaves, call::toString);
        assertAgentTalking(AGENT, callId);
    }

    @Test
    void anFmnqCallNobodyAnswersIsMadeUntransferableAndTakesTheFallbackAfterMaxHoldPolls() throws Exception {
        queuedCallBackAtTheIvr();
        CallRecord call = center.callSite("fmnq.vxml", Map.of("maxHoldPolls", "3"),
                CallScript.call(ANI, FMNQ_IVR).press("1", "123456"));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(3, call.fetches("QueryCallStatus").size(), call::toString);
        assertEquals(List.of("0"), call.fetches("SetCallTransferable").stream().map(f -> f.params().get("FlagValue")).toList());
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
    }

    @Test
    void anFmnqCallerWhoseKeyIsStuckIsAskedAtMostThreeTimesPerQuestionAndStillWaitsForTheAgent() {
        queuedCallBackAtTheIvr();
        CallRecord call = center.call("fmnq.vxml", CallScript.call(ANI, FMNQ_IVR).thenRepeat(CallerInput.dtmf("*"))
                .hangUpAfter(fetchOf("QueryCallStatus")));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(6, call.all(Trace.Collected.class).size(), "three tries for the session, three for the account: " + call);
        assertEquals(1, call.fetches("QueryCallStatus").size(), call::toString);
    }

    /** After a QueryCallStatus that answered at once (not 1 or -701), the page pauses before it asks again. */
    private static void assertEveryImmediateAnswerIsFollowedByAPause(CallRecord call) {
        String lastAnswer = null;
        boolean paused = false;
        for (Trace t : call.traces()) {
            if (t instanceof Trace.Returned r && r.name().equals("QueryCallStatus")) {
                lastAnswer = r.values().get("ReturnCode");
                paused = false;
            } else if (t instanceof Trace.Fetched f && f.name().equals("pause.vxml")) {
                paused = true;
            } else if (t instanceof Trace.Fetched f && f.name().equals("QueryCallStatus") && lastAnswer != null
                    && !Set.of("1", "-701").contains(lastAnswer)) {
                assertTrue(paused, "QueryCallStatus asked again without a pause after " + lastAnswer + ": " + call);
            }
        }
    }
}
