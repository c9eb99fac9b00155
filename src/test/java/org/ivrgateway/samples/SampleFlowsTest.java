package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.Trace;
import org.ivrgateway.samples.interpreter.TransferOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each sample run to its end against the real server, the agents and the telephony side played over REST. */
class SampleFlowsTest {
    private static final String ANI = "9055557900";
    private static final String SALES_LINE = "69030";
    private SampleCenter center;

    @BeforeEach
    void start() throws Exception {
        center = new SampleCenter("samples/center.yaml");
    }

    @AfterEach
    void stop() throws Exception {
        center.close();
    }

    /** A setting of common.vxml, as the samples read it (a quoted string literal). */
    private static String setting(String name) throws Exception {
        Matcher m = Pattern.compile("<var name=\"" + name + "\" expr=\"'([^']*)'\"/>")
                .matcher(Files.readString(SamplesValidateTest.SAMPLES.resolve("common.vxml")));
        assertTrue(m.find(), name + " not in common.vxml");
        return m.group(1);
    }

    private static boolean fetchOf(Trace t, String function) {
        return t instanceof Trace.Fetched f && f.name().equals(function);
    }

    /** Runs once, at the first trace that matches. */
    private static java.util.function.Consumer<Trace> once(java.util.function.Predicate<Trace> when, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return t -> {
            if (when.test(t) && done.compareAndSet(false, true)) action.run();
        };
    }

    @Test
    void ivrHoldCallerWaitsThenIsTransferredToTheAgentsExtension() {
        String callId = center.offer("36200", ANI, SALES_LINE);
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, "36200").press("1")
                .listen(once(t -> fetchOf(t, "QueryCallStatus"), () -> center.agentAvailable("790006", "5001")))
                .onTransfer(dest -> {
                    center.post("api/calls/" + callId + "/answered", "{}");
                    return TransferOutcome.CONNECTED;
                }));
        assertEquals("5001", call.lastTransferNumber(), call::toString);
        assertEquals("Sales", call.fetches("Enqueue").getFirst().params().get("QueueName"));
        assertTrue(center.get("api/agents/790006").contains(callId), "the agent has the call");
    }

    @Test
    void ivrHoldCallOverflowsToTheQueuesOverflowDestination() {
        center.offer("36200", ANI, SALES_LINE);
        int after = center.config.queue("Sales").orElseThrow().overflow().afterSeconds();
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, "36200").press("1")
                .listen(once(t -> fetchOf(t, "QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(after + 1));
                    center.center.runTimers();
                })));
        assertEquals(center.config.queue("Sales").orElseThrow().overflow().destination(), call.lastTransferNumber(),
                call::toString);
    }

    @Test
    void ivrHoldTakesTheFallbackNumberWhenTheTelephonyServerIsDown() throws Exception {
        center.offer("36200", ANI, SALES_LINE);
        center.clock.advance(Duration.ofMinutes(5)); // the telephony side silent: TServer is no longer 8
        CallRecord call = center.call("ivr-hold.vxml", CallScript.call(ANI, "36200"));
        assertEquals(setting("fallbackNumber"), call.lastTransferNumber(), call::toString);
        assertEquals(0, call.fetches("Enqueue").size());
    }

    @Test
    void queueHoldEnqueuesWithIvrHold0AndTransfersToThePilot() {
        String callId = center.offer("36200", ANI, SALES_LINE);
        CallRecord call = center.call("queue-hold.vxml", CallScript.call(ANI, "36200")
                .onTransfer(dest -> TransferOutcome.CONNECTED));
        assertEquals("0", call.fetches("Enqueue").getFirst().params().get("IVRHold"));
        assertEquals(center.config.queue("Sales").orElseThrow().pilot(), call.lastTransferNumber(), call::toString);
        assertTrue(center.post("api/telephony/arrived", "{\"dialed\":\"" + call.lastTransferNumber() + "\"}").contains(callId));
    }

    @Test
    void unmonitoredCallUsesATransitNumberToReachTheAgent() {
        center.get("api/telephony/events"); // the telephony connector polls: TServer is up
        CallRecord call = center.call("unmonitored.vxml", CallScript.call(ANI, SALES_LINE).press("123456")
                .listen(once(t -> fetchOf(t, "QueryCallStatus"), () -> center.agentAvailable("790006", "5001")))
                .onTransfer(dest -> {
                    center.post("api/telephony/arrived", "{\"dialed\":\"" + TransferOutcome.numberOf(dest) + "\"}");
                    return TransferOutcome.CONNECTED;
                }));
        assertTrue(center.config.transitNumbers().numbers().contains(call.lastTransferNumber()), call::toString);
        assertEquals("1", call.fetches("QueryCallInfo").getFirst().params().get("TrunkConnectedIVRCall"));
        assertEquals(0, call.fetches("CallerDisconnected").size());
    }

    @Test
    void unmonitoredCallerWhoHangsUpWhileHoldingIsReportedWithCallerDisconnected() {
        center.get("api/telephony/events");
        CallRecord call = center.call("unmonitored.vxml", CallScript.call(ANI, SALES_LINE).press("123456")
                .hangUpAfter(t -> fetchOf(t, "QueryCallStatus")));
        assertEquals("2", call.fetches("CallerDisconnected").getFirst().params().get("TermType"), call::toString);
        assertTrue(center.get("api/queues").contains("\"callsWaiting\":0"), "the abandoned call left the queue");
    }

    @Test
    void callbackIsOfferedOnALongWaitStoredAndThenDeleted() {
        // History first: a Support call waits 150 s before its agent answers; then no agent is staffed, so
        // the estimate for a new call is that measured average wait, above callbackOfferSeconds (120).
        String first = center.offer("36201", "4165550000", "69031");
        center.call("ivr-hold.vxml", CallScript.call("4165550000", "36201").press("2")
                .listen(once(t -> fetchOf(t, "QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(150));
                    center.agentAvailable("790008", "5002");
                }))
                .onTransfer(dest -> {
                    center.post("api/calls/" + first + "/answered", "{}");
                    return TransferOutcome.CONNECTED;
                }));
        center.post("api/calls/" + first + "/cleared", "{}");
        center.post("api/agents/790008/state", "{\"state\":\"UNAVAILABLE\"}");

        center.offer("36200", ANI, "69031");
        CallRecord call = center.call("callback-offer.vxml", CallScript.call(ANI, "36200").press("1", "2")
                .hangUpAfter(t -> fetchOf(t, "Enqueue")));
        assertEquals(1, call.fetches("CreateCallback").size(), call::toString);
        assertEquals(1, call.logs(l -> l.equals("callback")).stream().filter(l -> l.contains("DeleteCallback(")
                && l.endsWith("gave 0")).count(), call::toString);
    }
}
