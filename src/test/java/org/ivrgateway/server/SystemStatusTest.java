package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ivrgateway.api.Result;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** QuerySystemStatus on a running node: the T-Server's state comes from the telephony side (docs/CONFORMANCE.md, QuerySystemStatus). */
class SystemStatusTest {

    @BothDatabases
    void withoutAHeartbeatTheBuiltInTelephonyIsOperationalFromTheStart(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            String session = Script.initialize(node, "36200");
            Map<String, Integer> states = states(node, session);
            assertEquals(8, states.get("TServer"), states.toString());
            assertEquals(1, states.get("RoutingServer"), states.toString());
            node.clock.advance(Duration.ofHours(2)); // nobody has called for hours: there is no connection to lose
            String later = Script.initialize(node, "36200");
            assertEquals(8, states(node, later).get("TServer"));
        }
    }

    @BothDatabases
    void withAHeartbeatTheTServerIsUpOnlyWhileTheTelephonySideSpeaks(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, "centers/heartbeat-center.yaml")) {
            int heartbeat = node.config.telephony().heartbeatSeconds();
            String session = Script.initialize(node, "36200");
            assertEquals(3, states(node, session).get("TServer"), "a fresh node has heard nothing yet");

            assertEquals(204, node.rest().post("/api/telephony/heartbeat").status());
            assertEquals(8, states(node, session).get("TServer"));
            node.clock.advance(Duration.ofSeconds(heartbeat - 1));
            assertEquals(8, states(node, session).get("TServer"));
            node.clock.advance(Duration.ofSeconds(2));
            assertEquals(3, states(node, session).get("TServer"), "silent longer than the heartbeat");

            // Reading the console and the read views is not the telephony side speaking.
            assertEquals(200, node.rest().get("/console/wallboard").status());
            assertEquals(200, node.rest().get("/console/telephony").status());
            assertEquals(200, node.rest().get("/api/queues").status());
            assertEquals(3, states(node, session).get("TServer"));
            // Nor is a console form that looks up an operation the switch side does not have pending.
            Rest.Answer refused = node.rest().send(node.rest().request("/console/telephony")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "action=callback-outcome&event=999999&outcome=answered")).build());
            assertTrue(refused.status() < 500, refused.text());
            assertEquals(3, states(node, session).get("TServer"), "the console looked among the pending events");

            // A connector polling its events, or reporting a call, is.
            assertEquals(200, node.rest().get("/api/telephony/events").status());
            assertEquals(8, states(node, session).get("TServer"));
            node.clock.advance(Duration.ofSeconds(heartbeat + 1));
            Script.monitored(node, "36201", "4165550100", "69030");
            assertEquals(8, states(node, session).get("TServer"));
        }
    }

    @BothDatabases
    void theDatabaseDownMakesTheOverallStatusZero(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, "centers/heartbeat-center.yaml")) {
            String session = Script.initialize(node, "36200");
            assertEquals(204, node.rest().post("/api/telephony/heartbeat").status());
            assertEquals(1, node.center().querySystemStatus(session).integer("OverallStatus"));
            node.db().close();
            Result down = node.center().querySystemStatus(session);
            assertEquals(0, down.returnCode(), down.detail());
            assertEquals(0, down.integer("OverallStatus"));
            Map<String, Integer> states = parse(down.string("IndividualServerStates"));
            assertEquals(0, states.get("Database"), states.toString());
            assertEquals(0, states.get("RoutingServer"), states.toString());
            assertEquals(2, states.get("TServer"), "the database cannot tell: " + states);
        }
    }

    private static Map<String, Integer> states(TestNode node, String session) {
        Result r = node.center().querySystemStatus(session);
        assertEquals(0, r.returnCode(), r.detail());
        assertEquals(1, r.integer("OverallStatus"), r.string("IndividualServerStates"));
        Map<String, Integer> states = parse(r.string("IndividualServerStates"));
        assertEquals(states.size(), r.integer("Entries"));
        return states;
    }

    /** The guide's format: name=state;name=state. */
    private static Map<String, Integer> parse(String states) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (String entry : states.split(";")) {
            String[] kv = entry.split("=", 2);
            map.put(kv[0], Integer.parseInt(kv[1]));
        }
        return map;
    }
}
