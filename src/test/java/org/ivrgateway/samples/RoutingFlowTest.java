package org.ivrgateway.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.config.RoutingRule;
import org.ivrgateway.samples.interpreter.CallRecord;
import org.ivrgateway.samples.interpreter.CallScript;
import org.ivrgateway.samples.interpreter.TransferOutcome;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.Test;

/** routing.vxml (guide 2.1, QueryRoutingInfo) against the real server: each of the rules' three answers. */
@Slow
class RoutingFlowTest extends SampleFlow {
    private static final String IVR = "36200";
    private static final String ENGLISH = "1";
    private static final String FRENCH = "9";

    /** The first rule of the test configuration that tests this contact data / DNIS. */
    private RoutingRule rule(java.util.function.Predicate<RoutingRule.When> when) {
        return center.config.routing().stream().filter(r -> when.test(r.when())).findFirst().orElseThrow();
    }

    @Test
    void frenchSpeakingCallerIsEnqueuedWhereTheRuleSaysAndReachesItsAgent() {
        RoutingRule.Enqueue french = rule(w -> w.contactData().equals(Map.of("language", "fr"))).enqueue();
        String line = "69031"; // no DNIS rule before the language rule takes this line
        String callId = center.offer(IVR, ANI, line);
        int waited = center.config.queue(french.queue()).orElseThrow().serviceLevelSeconds() + 2;
        CallRecord call = center.call("routing.vxml", CallScript.call(ANI, IVR).press(FRENCH)
                .listen(once(fetchOf("QueryCallStatus"), () -> {
                    center.clock.advance(Duration.ofSeconds(waited));
                    center.agentAvailable("790008", "5002");
                }))
                .onTransfer(dest -> {
                    center.post("api/calls/" + callId + "/answered", "{}");
                    return TransferOutcome.CONNECTED;
                }));
        Map<String, String> enqueue = call.fetches("Enqueue").getFirst().params();
        assertEquals(french.queue(), enqueue.get("QueueName"), call::toString);
        assertEquals(String.valueOf(french.priority()), enqueue.get("InitialPriority"));
        assertEquals(french.description(), enqueue.get("Description"));
        assertEquals("5002", call.lastTransferNumber(), call::toString);
        assertEquals("fr", center.callView(callId).path("contactData").path("language").asText());

        assertQueueFigures(french.queue(), List.of(waited), 0);
    }

    @Test
    void aTransferRuleSendsTheCallToItsDestination() {
        RoutingRule transfer = rule(w -> "69050".equals(w.dnis()));
        center.offer(IVR, ANI, transfer.when().dnis());
        CallRecord call = center.call("routing.vxml", CallScript.call(ANI, IVR).press(ENGLISH));
        assertEquals(transfer.transfer(), call.lastTransferNumber(), call::toString);
        assertEquals(0, call.fetches("Enqueue").size(), call::toString);
        assertNothingQueued();
    }

    @Test
    void theLastRuleDisconnectsACallNoOtherRuleTakes() {
        String unroutedLine = "69099";
        assertTrue(center.config.routing().stream().noneMatch(r -> unroutedLine.equals(r.when().dnis())));
        center.offer(IVR, ANI, unroutedLine);
        CallRecord call = center.call("routing.vxml", CallScript.call(ANI, IVR).press(ENGLISH));
        assertTrue(Boolean.TRUE.equals(center.config.routing().getLast().disconnect()));
        assertTrue(call.disconnected(), call::toString);
        assertEquals(0, call.transfers().size(), call::toString);
        assertTrue(call.logs(l -> l.equals("routing")).getFirst().startsWith("routing: QueryRoutingInfo gave 1"), call::toString);
        assertNothingQueued();
    }

    private void assertNothingQueued() {
        for (JsonNode q : SampleCenter.json(center.get("api/queues"))) {
            assertEquals(0, q.path("callsWaiting").asInt(), q::toString);
            assertEquals(0, q.path("averageWaitSeconds").asInt(), q::toString);
        }
    }
}
