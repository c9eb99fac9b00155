package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.server.Rest.Answer;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** Every REST endpoint against a real node: its success, and each 4xx with its return code. */
class RestApiTest {
    private static final String AGENT = "790006";

    @BothDatabases
    void agentLogsOnBecomesAvailableAndLogsOff(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            Answer login = rest.post("/api/agents/" + AGENT + "/login", "{\"device\":\"5001\"}");
            assertEquals(200, login.status(), login.text());
            assertEquals("5001", login.field("device"));
            assertEquals(AGENT, login.field("id"));

            Answer available = rest.post("/api/agents/" + AGENT + "/state", "{\"state\":\"AVAILABLE\"}");
            assertEquals(200, available.status(), available.text());
            assertEquals(AgentStatus.AVAILABLE.name(), available.field("status"));
            assertEquals(AgentStatus.AVAILABLE.name(), rest.get("/api/agents/" + AGENT).field("status"));
            assertEquals(AgentStatus.AVAILABLE, node.center().agent(AGENT).status());

            Answer unavailable = rest.post("/api/agents/" + AGENT + "/state", "{\"state\":\"unavailable\"}");
            assertEquals(AgentStatus.UNAVAILABLE.name(), unavailable.field("status"));

            Answer logout = rest.post("/api/agents/" + AGENT + "/logout");
            assertEquals(200, logout.status(), logout.text());
            assertEquals(AgentStatus.LOGGED_OFF.name(), logout.field("status"));
        }
    }

    @BothDatabases
    void listsAgentsCallsAndQueuesOfTheConfiguration(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            Answer agents = rest.get("/api/agents");
            assertEquals(200, agents.status());
            assertEquals(node.config.agents().size(), agents.json().size());
            Answer queues = rest.get("/api/queues");
            assertEquals(200, queues.status());
            assertEquals(node.config.queues().stream().map(q -> q.name()).toList(), names(queues.json(), "name"));
            Answer calls = rest.get("/api/calls");
            assertEquals(200, calls.status());
            assertEquals(0, calls.json().size());
        }
    }

    @BothDatabases
    void offeredCallIsListedAnsweredAndCleared(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            Answer offer = rest.post("/api/telephony/offer", "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}");
            assertEquals(201, offer.status(), offer.text());
            String callId = offer.field("callId");
            assertNotNull(callId);
            assertEquals("/api/calls/" + callId, offer.headers().firstValue("Location").orElseThrow());

            Answer call = rest.get("/api/calls/" + callId);
            assertEquals(200, call.status(), call.text());
            assertEquals("36200", call.field("device"));
            assertEquals("4165550100", call.field("ani"));
            assertEquals("69030", call.field("dnis"));
            assertEquals(List.of(callId), names(rest.get("/api/calls").json(), "callId"));

            assertEquals(204, rest.post("/api/calls/" + callId + "/answered").status());
            assertEquals(204, rest.post("/api/calls/" + callId + "/cleared").status());
            Answer cleared = rest.get("/api/calls/" + callId);
            assertTrue(cleared.status() == 404 || cleared.json().path("status").asInt() == CallStatus.DISCONNECT.code(),
                    "a cleared call is gone from the live calls, or disconnected: " + cleared.text());
        }
    }

    @BothDatabases
    void unknownThingsAre404WithTheirReturnCode(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            assertError(rest.post("/api/agents/999999/login", "{\"device\":\"5001\"}"), 404, ReturnCode.UNKNOWN_AGENT);
            assertError(rest.get("/api/agents/999999"), 404, ReturnCode.UNKNOWN_AGENT);
            assertError(rest.post("/api/agents/999999/logout"), 404, ReturnCode.UNKNOWN_AGENT);
            assertError(rest.post("/api/agents/" + AGENT + "/login", "{\"device\":\"4999\"}"), 404, ReturnCode.UNKNOWN_DEVICE);
            assertError(rest.post("/api/telephony/offer", "{\"device\":\"4999\",\"ani\":\"1\",\"dnis\":\"2\"}"),
                    404, ReturnCode.UNKNOWN_DEVICE);
            assertError(rest.post("/api/calls/nosuchcall/answered"), 404, ReturnCode.NO_CALL);
            assertError(rest.post("/api/calls/nosuchcall/cleared"), 404, ReturnCode.NO_CALL);
            assertError(rest.get("/api/calls/nosuchcall"), 404, ReturnCode.NO_CALL);
            assertError(rest.post("/api/telephony/arrived", "{\"dialed\":\"8001\"}"), 404, ReturnCode.NO_CALL);
        }
    }

    @BothDatabases
    void badInputIs400With306(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            String login = "/api/agents/" + AGENT + "/login";
            assertError(rest.post(login, "{\"device\":"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(login, "not json"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(login), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(login, "{}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(login, "{\"device\":\"5001\",\"color\":\"red\"}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(login, "{\"device\":{\"a\":1}}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(login, "[\"5001\"]"), 400, ReturnCode.INVALID_PARAMETER);
            String state = "/api/agents/" + AGENT + "/state";
            Answer sleeping = rest.post(state, "{\"state\":\"SLEEPING\"}");
            assertError(sleeping, 400, ReturnCode.INVALID_PARAMETER);
            assertTrue(sleeping.field("error").contains("AVAILABLE"), sleeping.text());
            assertError(rest.post(state, "{\"state\":\"TALKING\"}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post(state, "{}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post("/api/telephony/offer", "{\"ani\":\"1\",\"dnis\":\"2\"}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post("/api/telephony/arrived", "{}"), 400, ReturnCode.INVALID_PARAMETER);
            assertError(rest.post("/api/telephony/events/abc/ack"), 400, ReturnCode.INVALID_PARAMETER);
        }
    }

    @BothDatabases
    void deviceInUseIs409With914(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            assertEquals(200, rest.post("/api/agents/" + AGENT + "/login", "{\"device\":\"5001\"}").status());
            assertError(rest.post("/api/agents/790007/login", "{\"device\":\"5001\"}"), 409, ReturnCode.OPERATION_FAILED);
            assertError(rest.post("/api/agents/790007/state", "{\"state\":\"AVAILABLE\"}"), 409, ReturnCode.OPERATION_FAILED);
        }
    }

    @BothDatabases
    void rejectedRequestsChangeNothingStored(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            rest.post("/api/agents/" + AGENT + "/login", "{\"device\":\"5001\"}");
            rest.post("/api/agents/" + AGENT + "/state", "{\"state\":\"AVAILABLE\"}");
            String callId = rest.post("/api/telephony/offer", "{\"device\":\"36201\",\"ani\":\"1\",\"dnis\":\"2\"}").field("callId");
            List<String> before = snapshot(rest);

            List<Answer> rejected = List.of(
                    rest.post("/api/agents/790007/login", "{\"device\":\"5001\"}"),
                    rest.post("/api/agents/" + AGENT + "/login", "{\"device\":\"4999\"}"),
                    rest.post("/api/agents/" + AGENT + "/state", "{\"state\":\"TALKING\"}"),
                    rest.post("/api/agents/" + AGENT + "/state", "{\"state\":"),
                    rest.post("/api/agents/999999/logout"),
                    rest.post("/api/telephony/offer", "{\"device\":\"4999\",\"ani\":\"1\",\"dnis\":\"2\"}"),
                    rest.post("/api/telephony/offer", "{\"device\":\"36202\",\"extra\":1}"),
                    rest.post("/api/calls/" + callId + "x/cleared"),
                    rest.post("/api/telephony/arrived", "{\"dialed\":\"8002\"}"),
                    rest.send("DELETE", "/api/calls/" + callId + "/cleared", null));
            rejected.forEach(a -> assertTrue(a.status() >= 400 && a.status() < 500, a.status() + " " + a.text()));

            assertEquals(before, snapshot(rest));
        }
    }

    @BothDatabases
    void unknownEndpointIs404AndWrongMethodIs405(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            Answer missing = rest.get("/api/nothing/here");
            assertEquals(404, missing.status());
            assertTrue(missing.field("error").contains("/api/nothing/here"));
            Answer wrong = rest.send("DELETE", "/api/agents/" + AGENT, null);
            assertEquals(405, wrong.status());
            assertEquals("GET", wrong.headers().firstValue("Allow").orElseThrow());
        }
    }

    @BothDatabases
    void switchEventsAreListedAndAcknowledged(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            Answer none = rest.get("/api/telephony/events");
            assertEquals(200, none.status());
            assertEquals(0, none.json().size());

            Script script = Script.monitored(node, "36200", "4165550100", "69030");
            String callId = script.callId;
            assertEquals(0, node.center().transfer(script.session, callId, "5999").returnCode());

            JsonNode events = rest.get("/api/telephony/events").json();
            assertEquals(1, events.size(), events.toString());
            assertEquals("TRANSFER", events.get(0).path("type").asText());
            assertEquals(callId, events.get(0).path("callId").asText());
            assertEquals("5999", events.get(0).path("destination").asText());

            assertEquals(204, rest.post("/api/telephony/events/" + events.get(0).path("id").asLong() + "/ack").status());
            assertEquals(0, rest.get("/api/telephony/events").json().size());
        }
    }

    private static List<String> snapshot(Rest rest) {
        return List.of(rest.get("/api/agents").text(), rest.get("/api/calls").text(), rest.get("/api/queues").text(),
                rest.get("/api/telephony/events").text());
    }

    static List<String> names(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    static void assertError(Answer answer, int status, ReturnCode code) {
        assertEquals(status, answer.status(), answer.text());
        assertNotNull(answer.json(), answer.text());
        assertEquals(code.code(), answer.code(), answer.text());
        assertFalse(answer.field("error").isBlank());
        assertFalse(answer.text().contains("Exception"), answer.text());
    }
}
