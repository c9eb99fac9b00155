package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.server.Rest.Answer;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * The telephony reports a connector of another switch sends over REST besides offers and arrivals
 * (docs/TELEPHONY.md): no answer at the agent's phone, registrations, heartbeat; bad input is a 4xx with
 * a message.
 */
class TelephonyRestPortTest {

    @BothDatabases
    void noAnswerAtTheAgentsPhoneRequeuesTheCallOnce(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            node.center().login("790006", "5001");
            node.center().changeState("790006", AgentStatus.AVAILABLE);
            Script call = Script.monitored(node, "36200", "4165550100", "69030");
            assertEquals(0, node.center().enqueue(call.session, call.callId, 1, "Sales", 10, "Sales line", null)
                    .returnCode());
            assertEquals(2, call.status(node).returnCode(), "ringing at the agent");

            Answer first = node.rest().post("/api/calls/" + call.callId + "/no-answer");
            assertEquals(200, first.status(), first.text());
            assertEquals("true", first.field("requeued"));
            assertEquals(1, call.status(node).returnCode(), "back in its queue");
            assertEquals(AgentStatus.UNAVAILABLE, node.center().agent("790006").status());
            assertEquals("ring no answer", node.center().agent("790006").reason());

            Answer again = node.rest().post("/api/calls/" + call.callId + "/no-answer");
            assertEquals(200, again.status(), again.text());
            assertEquals("false", again.field("requeued"), "not ringing any more: nothing changes");
            assertEquals(404, node.rest().post("/api/calls/nope/no-answer").status());
        }
    }

    @BothDatabases
    void registrationsAndHeartbeatAreAcceptedAndBadOnesRefused(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            assertEquals(204, node.rest().post("/api/telephony/registrations",
                    "{\"device\":\"5001\",\"expires\":60}").status());
            assertEquals(204, node.rest().post("/api/telephony/registrations",
                    "{\"device\":\"5001\",\"expires\":0}").status());
            Answer noDevice = node.rest().post("/api/telephony/registrations", "{\"expires\":60}");
            assertEquals(400, noDevice.status());
            assertTrue(noDevice.text().contains("device"), noDevice.text());
            Answer noExpiry = node.rest().post("/api/telephony/registrations", "{\"device\":\"5001\"}");
            assertEquals(400, noExpiry.status());
            assertTrue(noExpiry.text().contains("expires is required"), noExpiry.text());
            Answer negative = node.rest().post("/api/telephony/registrations", "{\"device\":\"5001\",\"expires\":-5}");
            assertEquals(400, negative.status());
            assertTrue(negative.text().contains("expires must not be negative"), negative.text());
            assertEquals(204, node.rest().post("/api/telephony/heartbeat").status());
        }
    }
}
