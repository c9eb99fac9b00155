package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.gateway.SubdialogClient.Style;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;

/**
 * The guide's IVR-hold flow through /vxml against the real core, in each invocation style: namelist by
 * GET and by POST with the session in a cookie, and param style with SessionID and no cookies. Every
 * document is schema-validated and read by Rhino (SubdialogClient).
 */
@Slow
class SubdialogFlowTest {

    @BothDatabases
    void ivrHoldCallReachesAnAgentInEveryInvocationStyle(TestDatabase db) {
        try (LiveCenter live = LiveCenter.start(db)) {
            int n = 0;
            for (Style style : Style.values()) {
                n++;
                boolean cookies = style != Style.PARAM;
                IvrScript script = new IvrScript(live.browser(cookies), style, !cookies)
                        .startUnmonitoredCall(n, "416555010" + n, "69030");
                assertFalse(script.callId.isEmpty());

                Map<String, Object> enqueued = script.call("Enqueue", Map.of("CallID", script.callId, "IVRHold", 1,
                        "QueueName", LiveCenter.QUEUE, "InitialPriority", 10));
                assertEquals(0, enqueued.get("ReturnCode"), enqueued::toString);
                assertEquals(1, enqueued.get("CallsInQueue"), enqueued::toString);

                Map<String, Object> queued = script.call("QueryCallStatus", Map.of("CallID", script.callId, "Timeout", 0));
                assertEquals(Map.of("ReturnCode", 1, "Extension", "", "PositionInQueue", 1), queued);

                live.center.login(LiveCenter.agentId(n), LiveCenter.agentDevice(n));
                live.center.changeState(LiveCenter.agentId(n), AgentStatus.AVAILABLE);
                Map<String, Object> waiting = script.call("QueryCallStatus", Map.of("CallID", script.callId, "Timeout", 2000));
                assertEquals(Map.of("ReturnCode", 2, "Extension", LiveCenter.agentDevice(n), "PositionInQueue", 0), waiting,
                        style::toString);
            }
        }
    }

    @BothDatabases
    void contactDataComesBackByteForByteWhateverItHolds(TestDatabase db) {
        try (LiveCenter live = LiveCenter.start(db)) {
            int port = 10;
            for (Style style : Style.values()) {
                boolean cookies = style != Style.PARAM;
                IvrScript script = new IvrScript(live.browser(cookies), style, !cookies)
                        .startUnmonitoredCall(port++, "4165550100", "69030");
                Map<String, Object> set = script.call("SetContactData",
                        Map.of("CallID", script.callId, "Key", "note", "Value", Hostile.VALUE));
                assertEquals(0, set.get("ReturnCode"), set::toString);
                Map<String, Object> got = script.call("GetContactData", Map.of("CallID", script.callId, "Key", "note"));
                assertEquals(Map.of("ReturnCode", 0, "Value", Hostile.VALUE), got, style::toString);
            }
        }
    }
}
