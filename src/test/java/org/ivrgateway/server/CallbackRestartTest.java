package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.ivrgateway.api.Result;
import org.ivrgateway.server.Rest.Answer;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;

/**
 * Callbacks across a real restart (docs/CALLBACKS.md, "Durable, any node"): the server stopped and a new one
 * started on the same database finds every callback in the state it was — pending for a retry, queued,
 * offered, being dialled — with its attempts, and carries each one on, with no second call for any of them.
 */
@Slow
class CallbackRestartTest {
    private static final String ALAN = "790006";

    @BothDatabases
    void everyCallbackStateSurvivesARestartAndTheNewServerCarriesOn(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, "centers/callback-center.yaml")) {
            Script call = Script.monitored(node, "36200", "4165550100", "69030");
            assertEquals(0, node.center().setContactData(call.session, call.callId, "Tier", "Gold").returnCode());
            assertEquals(200, node.rest().post("/api/agents/" + ALAN + "/login", "{\"device\":\"5001\"}").status());
            assertEquals(200, node.rest().post("/api/agents/" + ALAN + "/state", "{\"state\":\"AVAILABLE\"}").status());
            String retried = create(node, call, "4165550101", 0);
            node.center().runTimers();
            assertEquals("DIALING", post(node, "/api/callbacks/" + retried + "/accept", "").field("status"));
            assertEquals("PENDING", post(node, "/api/callbacks/" + retried + "/outcome", "{\"outcome\":\"busy\"}")
                    .field("status"));
            String offered = create(node, call, "4165550102", 0);
            node.center().runTimers();
            node.clock.advance(Duration.ofSeconds(1));
            String waiting = create(node, call, "4165550103", 0);
            String later = create(node, call, "4165550104", 1);
            node.center().runTimers();

            JsonNode before = callbacks(node);
            assertEquals("PENDING", find(before, retried).path("status").asText(), "retried after retryMinutes");
            assertEquals(1, find(before, retried).path("attempts").asInt());
            assertEquals("OFFERED", find(before, offered).path("status").asText(), "Alan is free again: the next one");
            assertEquals(ALAN, find(before, offered).path("offeredTo").asText());
            assertEquals("QUEUED", find(before, waiting).path("status").asText());
            assertEquals("PENDING", find(before, later).path("status").asText(), "its window opens in an hour");
            JsonNode agentBefore = node.rest().get("/api/agents/" + ALAN).json();

            node.restart();
            node.center().runTimers();
            assertEquals(before, callbacks(node), "every state, attempt and retry time as it was");
            assertEquals(agentBefore, node.rest().get("/api/agents/" + ALAN).json());
            assertEquals(2, callsInCallbackQueue(node), "one call for each queued callback, none queued twice");

            assertEquals("DIALING", post(node, "/api/callbacks/" + offered + "/accept", "").field("status"));
            JsonNode dialing = callbacks(node);
            node.restart();
            node.center().runTimers();
            assertEquals(dialing, callbacks(node));
            Answer answered = post(node, "/api/callbacks/" + offered + "/outcome", "{\"outcome\":\"answered\"}");
            assertEquals("ANSWERED", answered.field("status"));
            assertEquals(204, node.rest().post("/api/calls/" + answered.field("queuedCallId") + "/cleared").status());
            assertEquals("OFFERED", find(callbacks(node), waiting).path("status").asText(), "offered once Alan is free");
            answer(node, waiting);

            node.clock.advance(Duration.ofMinutes(10));
            node.center().runTimers();
            JsonNode again = find(callbacks(node), retried);
            assertEquals("OFFERED", again.path("status").asText(), "due again after retryMinutes, across the restarts");
            assertEquals(1, again.path("attemptList").size(), "the attempt before the restarts is kept and shown");
            answer(node, retried);
            node.clock.advance(Duration.ofMinutes(50));
            node.center().runTimers();
            JsonNode last = callbacks(node);
            assertEquals("OFFERED", find(last, later).path("status").asText(), "its window opened");
            for (String done : new String[] {retried, offered, waiting}) {
                assertEquals("ANSWERED", find(last, done).path("status").asText(), "each carried out once");
            }
            assertEquals(1, callsInCallbackQueue(node));
        }
    }

    /** Alan accepts the callback offered to him, the contact answers, and the call is cleared. */
    private static void answer(TestNode node, String callbackId) {
        assertEquals("DIALING", post(node, "/api/callbacks/" + callbackId + "/accept", "").field("status"));
        Answer answered = post(node, "/api/callbacks/" + callbackId + "/outcome", "{\"outcome\":\"answered\"}");
        assertEquals("ANSWERED", answered.field("status"));
        assertEquals(204, node.rest().post("/api/calls/" + answered.field("queuedCallId") + "/cleared").status());
    }

    private static String create(TestNode node, Script call, String number, int fromHours) {
        Result r = node.center().createCallback(call.session, call.callId, "CBQueue", "Billing question",
                Script.TORONTO, "Ann Caller", Script.scheduleFromNow(node, number, fromHours, 4), null, null);
        assertEquals(0, r.returnCode(), r.detail());
        return r.string("CallbackID");
    }

    private static Answer post(TestNode node, String path, String body) {
        Answer a = body.isEmpty() ? node.rest().post(path) : node.rest().post(path, body);
        assertEquals(200, a.status(), a.text());
        return a;
    }

    private static JsonNode callbacks(TestNode node) {
        Answer a = node.rest().get("/api/callbacks");
        assertEquals(200, a.status(), a.text());
        return a.json();
    }

    private static JsonNode find(JsonNode list, String callbackId) {
        for (JsonNode cb : list) {
            if (cb.path("callbackId").asText().equals(callbackId)) return cb;
        }
        throw new AssertionError("no callback " + callbackId + " in " + list);
    }

    private static long callsInCallbackQueue(TestNode node) {
        Answer a = node.rest().get("/api/calls");
        assertEquals(200, a.status(), a.text());
        JsonNode calls = a.json().has("calls") ? a.json().get("calls") : a.json();
        long n = 0;
        for (JsonNode c : calls) {
            if ("CBQueue".equals(c.path("queue").asText())) n++;
        }
        return n;
    }
}
