package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.TransferOutcome;
import org.junit.jupiter.api.Test;

/** callback-offer.vxml against the real server: the offer on a measured long wait, CreateCallback, DeleteCallback. */
class CallbackFlowTest extends SampleFlow {
    private static final String SUPPORT_LINE = "69031";
    private static final String SUPPORT_AGENT = "790008";

    @Test
    void callbackIsOfferedOnALongWaitStoredAndThenDeleted() throws Exception {
        // History first: a Support call waits longer than callbackOfferSeconds before its agent answers; then
        // no agent is staffed, so the estimate for a new call is that measured average wait.
        int waited = numberSetting("callbackOfferSeconds") + 30;
        String first = center.offer("36201", "4165550000", SUPPORT_LINE);
        center.call("ivr-hold.vxml", CallScript.call("4165550000", "36201").press("2")
                .listen(once(fetchOf("QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(waited));
                    center.agentAvailable(SUPPORT_AGENT, "5002");
                }))
                .onTransfer(dest -> {
                    center.post("api/calls/" + first + "/answered", "{}");
                    return TransferOutcome.CONNECTED;
                }));
        center.post("api/calls/" + first + "/cleared", "{}");
        center.post("api/agents/" + SUPPORT_AGENT + "/state", "{\"state\":\"UNAVAILABLE\"}");

        String second = center.offer("36200", ANI, SUPPORT_LINE);
        AtomicLong storedBeforeDelete = new AtomicLong(-1);
        CallRecord call = center.call("callback-offer.vxml", CallScript.call(ANI, "36200").press("1", "2")
                .listen(once(fetchOf("DeleteCallback"),
                        () -> storedBeforeDelete.set(center.count("SELECT COUNT(*) FROM callback WHERE call_id = ?", second))))
                .hangUpAfter(fetchOf("Enqueue")));
        center.post("api/calls/" + second + "/cleared", "{}"); // the caller hung up while holding

        assertEquals(1, call.fetches("CreateCallback").size(), call::toString);
        assertEquals(setting("callbackQueue"), call.fetches("CreateCallback").getFirst().params().get("QueueName"));
        assertEquals(1, storedBeforeDelete.get(), "CreateCallback stored the callback");
        assertEquals(1, call.logs(l -> l.equals("callback")).stream().filter(l -> l.contains("DeleteCallback(")
                && l.endsWith("gave 0")).count(), call::toString);
        // DeleteCallback cancels the callback; the row stays, as every callback's history does (docs/CALLBACKS.md).
        assertEquals(0, center.count("SELECT COUNT(*) FROM callback WHERE call_id = ? AND status <> 'CANCELLED'", second),
                "DeleteCallback cancelled it");

        assertQueueFigures("Support", List.of(waited), 1);
    }
}
