package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;

/** A node stopped and a new one started on the same database carries on with every call, agent and session. */
@Slow
class RestartTest {

    @BothDatabases
    void callsAgentsSessionsAndCallbacksSurviveARestart(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            FlowTest.available(node, "790008", node.config.agentDevices().getFirst());
            assertEquals(200, node.rest().post("/api/agents/790007/login", "{\"device\":\"5002\"}").status());
            assertEquals(200, node.rest().post("/api/agents/790007/state", "{\"state\":\"UNAVAILABLE\"}").status());
            Script s = Script.monitored(node, "36200", "4165550100", "69030");
            assertEquals(0, node.center().enqueue(s.session, s.callId, 1, "Sales", 7, "before restart", null).returnCode());
            String callbackId = node.center().createCallback(s.session, s.callId,
                    node.config.callbacks().queues().getFirst(), "after restart", Script.TORONTO, "Alan Caller",
                    Script.scheduleFromNow(node, "4165550100", 1, 3), null, null).string("CallbackID");
            JsonNode agentsBefore = node.rest().get("/api/agents").json();

            node.restart();

            assertEquals(agentsBefore, node.rest().get("/api/agents").json());
            assertEquals(AgentStatus.AVAILABLE.name(), node.rest().get("/api/agents/790008").field("status"));
            assertEquals(AgentStatus.UNAVAILABLE.name(), node.rest().get("/api/agents/790007").field("status"));
            Rest.Answer call = node.rest().get("/api/calls/" + s.callId);
            assertEquals(200, call.status(), call.text());
            assertEquals("Sales", call.field("queue"));
            assertEquals(CallStatus.QUEUED.code(), call.json().path("status").asInt());
            assertEquals("before restart", call.field("description"));
            assertEquals(1, FlowTest.queue(node, "Sales").path("callsWaiting").asInt());
            // The script's API session lives in the database too: it carries on after the restart.
            assertEquals(CallStatus.QUEUED.code(), s.status(node).returnCode());
            // The callback was stored durably: the new node finds it to delete it.
            assertEquals(0, node.center().deleteCallback(s.session, callbackId).returnCode());
        }
    }
}
