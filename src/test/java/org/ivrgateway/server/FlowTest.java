package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * The guide's call flows end to end on a real node: IVR functions through the contact center's Java API,
 * agents and the telephony side over REST, and the outcome read back over REST.
 */
class FlowTest {
    private static final String ALAN = "790006";
    private static final String CHEN = "790008";

    @BothDatabases
    void unmonitoredEightStepSequenceReachesTheAgentThroughATransitNumber(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Script s = Script.unmonitored(node, "4165550100", "69030");
            Result enqueued = node.center().enqueue(s.session, s.callId, 1, "Sales", 10, "Sales line", null);
            assertEquals(0, enqueued.returnCode(), enqueued.detail());
            assertEquals(CallStatus.QUEUED.code(), s.status(node).returnCode());

            int waited = 7;
            node.clock.advance(Duration.ofSeconds(waited));
            String device = node.config.agentDevices().getFirst();
            available(node, ALAN, device);

            Result waiting = s.status(node);
            assertEquals(CallStatus.WAITING.code(), waiting.returnCode());
            assertEquals(device, waiting.string("Extension"));
            Result transit = node.center().getTransitNumber(s.session, s.callId);
            assertEquals(0, transit.returnCode(), transit.detail());
            String number = transit.string("TransitNumber");
            assertTrue(node.config.transitNumbers().numbers().contains(number), number);

            Rest.Answer arrived = node.rest().post("/api/telephony/arrived", "{\"dialed\":\"" + number + "\"}");
            assertEquals(200, arrived.status(), arrived.text());
            assertEquals(s.callId, arrived.field("callId"));
            JsonNode agent = node.rest().get("/api/agents/" + ALAN).json();
            assertEquals(s.callId, agent.path("callId").asText());

            talkAndHangUp(node, s.callId, ALAN);
            JsonNode sales = queue(node, "Sales");
            assertEquals(0, sales.path("callsWaiting").asInt());
            assertEquals(waited, sales.path("averageWaitSeconds").asInt());
            int threshold = node.config.queue("Sales").map(QueueConfig::serviceLevelSeconds).orElseThrow();
            assertEquals(waited <= threshold ? 100 : 0, sales.path("serviceLevel").asInt());
        }
    }

    @BothDatabases
    void callbackIsCreatedAndDeleted(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Script s = Script.monitored(node, "36200", "4165550105", "69030");
            String queue = node.config.callbacks().queues().getFirst();
            Result created = node.center().createCallback(s.session, s.callId, queue, "Call me back", Script.TORONTO,
                    "Alan Caller", Script.scheduleFromNow(node, "4165550105", 1, 3), null, null);
            assertEquals(0, created.returnCode(), created.detail());
            String callbackId = created.string("CallbackID");
            assertNotEquals("", callbackId);

            assertEquals(0, node.center().deleteCallback(s.session, callbackId).returnCode());
            assertEquals(ReturnCode.INVALID_CALLBACK_ID.code(), node.center().deleteCallback(s.session, callbackId).returnCode());
        }
    }

    @BothDatabases
    void ivrHoldCallIsTransferredToTheAgentWhoBecomesAvailable(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Script s = Script.monitored(node, "36200", "4165550101", "69030");
            assertEquals(0, node.center().enqueue(s.session, s.callId, 1, "Sales", 5, null, null).returnCode());
            String device = node.config.agentDevices().getFirst();
            available(node, ALAN, device);

            Result waiting = s.status(node);
            assertEquals(CallStatus.WAITING.code(), waiting.returnCode());
            assertEquals(device, waiting.string("Extension"));
            assertEquals(0, node.center().transfer(s.session, s.callId, waiting.string("Extension")).returnCode());
            JsonNode event = onlyEvent(node);
            assertEquals("TRANSFER", event.path("type").asText());
            assertEquals(device, event.path("destination").asText());
            assertEquals(204, node.rest().post("/api/telephony/events/" + event.path("id").asLong() + "/ack").status());

            talkAndHangUp(node, s.callId, ALAN);
            assertEquals(1, node.center().queues().stream().filter(q -> q.name().equals("Sales")).count());
        }
    }

    @BothDatabases
    void ivrHoldCallOverflowsToTheQueueDestination(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            QueueConfig support = node.config.queue("Support").orElseThrow();
            Script s = Script.monitored(node, "36201", "4165550102", "69031");
            assertEquals(0, node.center().enqueue(s.session, s.callId, 1, support.name(), 1, null, null).returnCode());
            node.clock.advance(Duration.ofSeconds(support.overflow().afterSeconds() - 1));
            assertEquals(CallStatus.QUEUED.code(), s.status(node).returnCode());

            node.clock.advance(Duration.ofSeconds(1));
            node.center().runTimers();
            Result overflowed = s.status(node);
            assertEquals(CallStatus.NO_ANSWER.code(), overflowed.returnCode());
            assertEquals(support.overflow().destination(), overflowed.string("Extension"));
            assertEquals(0, queue(node, support.name()).path("callsWaiting").asInt());
        }
    }

    @BothDatabases
    void queueHoldCallArrivesAtThePilotAndIsRedirectedToTheAgent(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            QueueConfig sales = node.config.queue("Sales").orElseThrow();
            Script s = Script.monitored(node, "36202", "4165550103", "69030");
            assertEquals(0, node.center().enqueue(s.session, s.callId, 0, sales.name(), 1, null, null).returnCode());
            Rest.Answer arrived = node.rest().post("/api/telephony/arrived", "{\"dialed\":\"" + sales.pilot() + "\"}");
            assertEquals(s.callId, arrived.field("callId"), arrived.text());
            assertEquals(1, queue(node, sales.name()).path("callsWaiting").asInt());

            String device = node.config.agentDevices().get(1);
            available(node, ALAN, device);
            JsonNode redirect = onlyEvent(node);
            assertEquals("REDIRECT", redirect.path("type").asText());
            assertEquals(s.callId, redirect.path("callId").asText());
            assertEquals(device, redirect.path("destination").asText());
            talkAndHangUp(node, s.callId, ALAN);
        }
    }

    @BothDatabases
    void fmnqCallIsNotHandedToAnAgentWhileNotTransferable(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            QueueConfig sales = node.config.queue("Sales").orElseThrow();
            Script first = Script.monitored(node, "36200", "4165550104", "69030", "a84b4c76e66710@pc33");
            assertEquals(0, node.center().enqueue(first.session, first.callId, 0, sales.name(), 1, null, null).returnCode());
            node.rest().post("/api/telephony/arrived", "{\"dialed\":\"" + sales.pilot() + "\"}");

            // The caller comes back to the IVR without losing their place in the queue: the same switch call.
            Script back = Script.monitored(node, "36201", "4165550104", "69030", "a84b4c76e66710@pc33");
            assertEquals(first.callId, back.callId);
            assertEquals(1, back.info.integer("FMNQ"));
            assertEquals(0, node.center().setCallTransferable(back.session, back.callId, 0).returnCode());

            available(node, ALAN, node.config.agentDevices().getFirst());
            assertEquals(CallStatus.QUEUED.code(), back.status(node).returnCode());
            assertEquals(AgentStatus.AVAILABLE.name(), node.rest().get("/api/agents/" + ALAN).field("status"));

            assertEquals(0, node.center().setCallTransferable(back.session, back.callId, 1).returnCode());
            assertEquals(CallStatus.WAITING.code(), back.status(node).returnCode());
            assertEquals(back.callId, node.rest().get("/api/agents/" + ALAN).field("callId"));
        }
    }

    @BothDatabases
    void multiTenantCallUsesItsOwnUnitsQueuesOnly(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, "centers/tenants-center.yaml")) {
            Script s = Script.monitored(node, "36200", "4165550106", "69030");
            ContactCenter center = node.center();
            assertEquals(0, center.setBusinessUnit(s.session, s.callId, "Toronto").returnCode());
            Result unit = center.getBusinessUnit(s.session, s.callId);
            assertEquals(0, unit.returnCode());
            assertEquals("Toronto", unit.string("BusinessUnitName"));
            assertEquals(ReturnCode.BUSINESS_UNIT_ALREADY_SET.code(),
                    center.setBusinessUnit(s.session, s.callId, "WirelessDept").returnCode());

            Result otherUnit = center.enqueue(s.session, s.callId, 1, "Wireless", 1, null, null);
            assertTrue(otherUnit.returnCode() < 0, "queue of another unit refused: " + otherUnit.returnCode());
            assertEquals(0, queue(node, "Wireless").path("callsWaiting").asInt());
            assertEquals(0, center.enqueue(s.session, s.callId, 1, "Sales", 1, null, null).returnCode());
            assertEquals(1, queue(node, "Sales").path("callsWaiting").asInt());
        }
    }

    /** Logs the agent on over REST and makes them available. */
    static void available(TestNode node, String agent, String device) {
        assertEquals(200, node.rest().post("/api/agents/" + agent + "/login", "{\"device\":\"" + device + "\"}").status());
        Rest.Answer state = node.rest().post("/api/agents/" + agent + "/state", "{\"state\":\"AVAILABLE\"}");
        assertEquals(200, state.status(), state.text());
    }

    /** The agent answers, talks, hangs up; with no wrap-up configured the agent is available again. */
    private static void talkAndHangUp(TestNode node, String callId, String agent) {
        assertEquals(204, node.rest().post("/api/calls/" + callId + "/answered").status());
        assertEquals(AgentStatus.TALKING.name(), node.rest().get("/api/agents/" + agent).field("status"));
        assertEquals(204, node.rest().post("/api/calls/" + callId + "/cleared").status());
        int wrapUp = node.config.agent(agent).orElseThrow().wrapUpSeconds();
        AgentStatus after = wrapUp > 0 ? AgentStatus.WORK : AgentStatus.AVAILABLE;
        assertEquals(after.name(), node.rest().get("/api/agents/" + agent).field("status"));
    }

    private static JsonNode onlyEvent(TestNode node) {
        JsonNode events = node.rest().get("/api/telephony/events").json();
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    static JsonNode queue(TestNode node, String name) {
        for (JsonNode q : node.rest().get("/api/queues").json()) {
            if (q.path("name").asText().equals(name)) return q;
        }
        throw new AssertionError("no queue " + name);
    }
}
