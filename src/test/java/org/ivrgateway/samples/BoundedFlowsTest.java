package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.CallerInput;
import org.ivrgateway.samples.interpreter.Trace;
import org.ivrgateway.samples.interpreter.TransferOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every loop of the samples ends (docs/SAMPLES.md, "Every loop ends"), against the real server, on platforms
 * that make them loop if they can: every transfer failing (a result or an error event), a caller whose key is
 * stuck, a call nobody answers, a local URI without the port's number. Each call must end in its defined
 * place (a goodbye and a disconnect, or the fallback) long before the interpreter's step budget.
 */
class BoundedFlowsTest extends SampleFlow {
    private static final String IVR = "36200";
    private static final String SALES_LINE = "69030";
    private static final String GOODBYE = "We cannot take your call now. Please call again later.";

    @BeforeEach
    void telephonyConnected() {
        center.get("api/telephony/events"); // the telephony connector polls: unmonitored calls see it up
    }

    @ParameterizedTest
    @EnumSource(value = TransferOutcome.class, names = {"BUSY", "NOROUTE", "UNSUPPORTED"})
    void anUnmonitoredCallWhoseTransfersAllFailTriesTheFallbackOnceAndSaysGoodbye(TransferOutcome failure) throws Exception {
        CallRecord call = center.call("unmonitored.vxml", CallScript.call(ANI, SALES_LINE).press("123456")
                .listen(once(fetchOf("QueryCallStatus"), () -> center.agentAvailable("790006", "5001")))
                .onTransfer(dest -> failure));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(2, call.fetches("GetTransitNumber").size(), call::toString);
        assertEquals(2, call.fetches("ReleaseTransitNumber").size(), "each failed transit transfer releases its number: " + call);
        assertEquals(1, transfersTo(call, setting("fallbackNumber")), call::toString);
        assertEquals(List.of("1"), call.fetches("CallerDisconnected").stream().map(f -> f.params().get("TermType")).toList(),
                "the contact center is told once that the call left its domain: " + call);
        assertEndedWithGoodbye(call);
    }

    @ParameterizedTest
    @CsvSource({"ivr-hold.vxml, BUSY", "ivr-hold.vxml, NOROUTE", "queue-hold.vxml, BUSY", "queue-hold.vxml, NOROUTE",
            "queue-hold.vxml, BAD_DESTINATION", "routing.vxml, NOROUTE", "routing.vxml, UNSUPPORTED"})
    void aCallWhoseTransfersAllFailTriesTheFallbackOnceAndSaysGoodbye(String sample, TransferOutcome failure)
            throws Exception {
        boolean routed = sample.equals("routing.vxml");
        center.offer(IVR, ANI, routed ? "69050" : SALES_LINE); // 69050: the transfer rule
        CallRecord call = center.call(sample, CallScript.call(ANI, IVR).press("1")
                .listen(once(fetchOf("QueryCallStatus"), () -> center.agentAvailable("790006", "5001")))
                .onTransfer(dest -> failure));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(1, transfersTo(call, setting("fallbackNumber")), call::toString);
        assertTrue(call.transfers().size() <= 3, "agent, agent again after the re-queue, fallback at most: " + call);
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
        assertEndedWithGoodbye(call);
    }

    @Test
    void anIvrHoldCallNobodyAnswersLeavesTheQueueAfterMaxHoldPollsAndTakesTheFallback() throws Exception {
        center.offer(IVR, ANI, SALES_LINE);
        CallRecord call = center.callSite("ivr-hold.vxml", Map.of("maxHoldPolls", "3"), CallScript.call(ANI, IVR).press("1"));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(3, call.fetches("QueryCallStatus").size(), call::toString);
        assertEquals(1, call.fetches("Dequeue").size(), call::toString);
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
        assertEquals(0, center.queue("Sales").path("callsWaiting").asInt(), "dequeued before the fallback");
    }

    @Test
    void anUnmonitoredCallNobodyAnswersIsReportedAndTakesTheFallbackAfterMaxHoldPolls() throws Exception {
        CallRecord call = center.callSite("unmonitored.vxml", Map.of("maxHoldPolls", "3"),
                CallScript.call(ANI, SALES_LINE).press("123456"));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(3, call.fetches("QueryCallStatus").size(), call::toString);
        assertEquals(List.of("1"), call.fetches("CallerDisconnected").stream().map(f -> f.params().get("TermType")).toList());
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
        assertEquals(0, center.queue("Sales").path("callsWaiting").asInt(), "CallerDisconnected took it out of the queue");
    }

    @Test
    void aPortWhoseLocalUriCarriesNoNumberIsFoundThroughTheSitesMapOfLocalUris() throws Exception {
        String callId = center.offer(IVR, ANI, SALES_LINE);
        String channel = "sip:ivr-a@voice.example";
        CallRecord call = center.callSite("ivr-hold.vxml", Map.of("localNumberOfUri", "({'" + channel + "': '" + IVR + "'})"),
                CallScript.call(ANI, IVR).localUri(channel).press("1")
                        .listen(once(fetchOf("QueryCallStatus"), () -> center.agentAvailable("790006", "5001")))
                        .onTransfer(dest -> {
                            center.post("api/calls/" + callId + "/answered", "{}");
                            return TransferOutcome.CONNECTED;
                        }));
        assertEquals(IVR, call.fetches("QueryCallInfo").getFirst().params().get("Device"), call::toString);
        assertEquals("5001", call.lastTransferNumber(), call::toString);
        assertAgentTalking("790006", callId);
    }

    @Test
    void anUnmonitoredLineWhoseLocalUriCarriesNoNumberTakesTheSitesDefaultLocalNumberAsItsDnis() throws Exception {
        CallRecord call = center.callSite("unmonitored.vxml", Map.of("defaultLocalNumber", "'" + SALES_LINE + "'"),
                CallScript.call(ANI, SALES_LINE).localUri("sip:voicexml@voice.example").press("123456")
                        .hangUpAfter(fetchOf("QueryCallStatus")));
        assertEquals(SALES_LINE, call.fetches("SetCallInfo").getFirst().params().get("DNIS"), call::toString);
        assertEquals("Sales", call.fetches("Enqueue").getFirst().params().get("QueueName"), call::toString);
        assertEquals(List.of("2"), call.fetches("CallerDisconnected").stream().map(f -> f.params().get("TermType")).toList());
    }

    @Test
    void withNoNumberInTheLocalUriAndNoneSetTheCallTakesTheFallbackAtOnce() throws Exception {
        center.offer(IVR, ANI, SALES_LINE);
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, IVR).localUri("sip:voicexml@voice.example"));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertEquals(0, call.fetches("Enqueue").size(), call::toString);
        assertEquals(List.of(setting("fallbackNumber")), call.transfers().stream().map(Trace.Transferred::number).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivr-hold.vxml", "unmonitored.vxml", "routing.vxml"})
    void aCallerWhoseKeyIsStuckIsAskedAtMostThreeTimesPerQuestionAndTheCallGoesOn(String sample) {
        boolean unmonitored = sample.equals("unmonitored.vxml");
        if (!unmonitored) center.offer(IVR, ANI, "69099"); // routing: the last rule, disconnect
        CallRecord call = center.call(sample, CallScript.call(ANI, unmonitored ? SALES_LINE : IVR)
                .thenRepeat(CallerInput.dtmf("*")).hangUpAfter(fetchOf("QueryCallStatus")));
        assertFalse(call.stoppedByTheBudget(), call::toString);
        assertTrue(call.all(Trace.Collected.class).size() <= 3, call::toString);
        assertEquals(1, call.fetches(sample.equals("routing.vxml") ? "QueryRoutingInfo" : "Enqueue").size(), call::toString);
    }

    private static long transfersTo(CallRecord call, String number) {
        return call.transfers().stream().filter(t -> t.number().equals(number)).count();
    }

    private static void assertEndedWithGoodbye(CallRecord call) {
        assertEquals(GOODBYE, call.prompts().getLast(), call::toString);
        assertTrue(call.disconnected(), call::toString);
        assertEquals("exit", call.ending(), call::toString);
    }
}
