package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ivrgateway.api.Result;
import org.ivrgateway.server.Rest.Answer;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** The callback endpoints: the list with attempts, the agent's acceptance, the telephony side's outcome. */
class CallbackRestTest {

    @BothDatabases
    void aCallbackIsListedAcceptedAndItsOutcomeReported(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, "centers/callback-center.yaml")) {
            Script call = Script.monitored(node, "36200", "4165550100", "69030");
            var now = Instant.ofEpochMilli(node.clock.millis()).atZone(ZoneId.of("America/Toronto"));
            DateTimeFormatter when = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");
            Result created = node.center().createCallback(call.session, call.callId, "CBQueue", "Question", -300,
                    "Ann Caller", "4165550199;" + when.format(now) + ";" + when.format(now.plusHours(2)), null, null);
            assertEquals(0, created.returnCode(), created.detail());
            String id = created.string("CallbackID");

            node.rest().post("/api/agents/790006/login", "{\"device\":\"5001\"}");
            node.rest().post("/api/agents/790006/state", "{\"state\":\"AVAILABLE\"}");
            node.center().runTimers();
            Answer list = node.rest().get("/api/callbacks");
            assertEquals(200, list.status(), list.text());
            assertEquals(id, list.json().get(0).get("callbackId").asText());
            assertEquals("OFFERED", list.json().get(0).get("status").asText());
            assertEquals("790006", list.json().get(0).get("offeredTo").asText());

            Answer wrongAgent = node.rest().post("/api/callbacks/" + id + "/accept", "{\"agentId\":\"790007\"}");
            assertEquals(409, wrongAgent.status(), wrongAgent.text());
            Answer accepted = node.rest().post("/api/callbacks/" + id + "/accept");
            assertEquals(200, accepted.status(), accepted.text());
            assertEquals("DIALING", accepted.field("status"));
            assertTrue(node.rest().get("/api/telephony/events").text().contains("\"DIAL\""));

            Answer bad = node.rest().post("/api/callbacks/" + id + "/outcome", "{\"outcome\":\"perhaps\"}");
            assertEquals(400, bad.status(), bad.text());
            Answer outcome = node.rest().post("/api/callbacks/" + id + "/outcome", "{\"outcome\":\"busy\"}");
            assertEquals(200, outcome.status(), outcome.text());
            assertEquals("PENDING", outcome.field("status"));
            assertEquals("busy", outcome.json().get("attemptList").get(0).get("outcome").asText());
            assertEquals(404, node.rest().post("/api/callbacks/CB424242/accept").status());
        }
    }
}
