package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ivrgateway.api.Incident;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.CapturedLog;

/**
 * Every edge tells an unexpected failure the same way ({@link Incident}): the id in the answer — the
 * invoker's -305 detail (here through the JSON twin), REST's 500 — is the id of one logged incident, with
 * its stack trace. The gateway's own -305 document: gateway/IncidentTest; a console page: web/console/ProblemsTest.
 */
class IncidentIdTest {
    static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @BothDatabases
    void theIdInEachAnswerIsTheIdOfTheLoggedIncident(TestDatabase db) throws Exception {
        try (CapturedLog log = CapturedLog.of(Incident.class); TestNode node = TestNode.start(db)) {
            assertEquals(200, node.rest().post("/api/agents/790006/login", "{\"device\":\"5001\"}").status());
            // A status no AgentStatus has: only a bug or a hand-edited database writes one.
            node.db().inTransaction(c -> c.createStatement().executeUpdate("UPDATE agent_state SET status = 99"));
            String session = Script.initialize(node, "36200");
            RawGatewayClient raw = new RawGatewayClient();

            var ivr = raw.ivr(node.uri(), "QueryAgentStatus", Map.of("SessionID", session, "AgentID", "790006"));
            assertEquals(-305, ivr.path("ReturnCode").asInt(), ivr.toString());
            assertLogged(log.events(), ivr.path("detail").asText());

            Rest.Answer rest = node.rest().get("/api/agents/790006");
            assertEquals(500, rest.status(), rest.text());
            assertLogged(log.events(), rest.text());
        }
    }

    /** The id in {@code answer} is that of exactly one logged incident, which carries its stack trace. */
    static void assertLogged(List<ILoggingEvent> log, String answer) {
        Matcher m = INCIDENT.matcher(answer);
        assertTrue(m.find(), "no incident id in: " + answer);
        String id = m.group(1);
        assertEquals(1, log.stream().filter(e -> e.getFormattedMessage().startsWith("incident " + id + ": ")
                && e.getThrowableProxy() != null).count(), "one logged incident " + id + " with its stack");
    }
}
