package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ivrgateway.security.AuditLog;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;

/**
 * The audit log (docs/SECURITY.md): every change by a person or a connector — who, when, from where,
 * what, and the answer — in the database, and on the console for administrators only.
 */
class AuditLogTest {
    private static final String AGENT = TestAccess.agentUser(TestAccess.AGENT_ID);

    @BothDatabases
    void changesByPeopleAndConnectorsAreRecordedWithWhoWhatAndFromWhere(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            var base = node.uri();
            Caller.anonymous(base).signIn(AGENT, "not the password");
            Caller alan = Caller.signedIn("alan", base, AGENT, TestAccess.password(AGENT));
            assertEquals(302, alan.form("/console/agent", Map.of("action", "login", "agent", TestAccess.AGENT_ID,
                    "device", "5001")).statusCode());
            // refused by the contact center (already logged on): recorded with its message
            alan.form("/console/agent", Map.of("action", "login", "agent", TestAccess.AGENT_ID, "device", "5002"));
            Caller pbx = Caller.token("pbx", base, TestAccess.TELEPHONY_TOKEN);
            assertEquals(201, pbx.json("POST", "/api/telephony/offer",
                    "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}").statusCode());
            Caller wallboard = Caller.token("wallboard", base, TestAccess.SUPERVISOR_TOKEN);
            assertEquals(200, wallboard.json("POST", "/api/agents/" + TestAccess.AGENT_ID + "/logout", null).statusCode());
            // refused by the rules: recorded too
            assertEquals(403, wallboard.json("POST", "/api/agents/" + TestAccess.AGENT_ID + "/login",
                    "{\"device\":\"5001\"}").statusCode());
            // reading changes nothing and is not recorded
            wallboard.get("/api/calls");

            List<AuditLog.Entry> entries = new AuditLog(node.db(), node.clock).recent(50).reversed();
            List<String> lines = entries.stream().map(e -> String.join(" | ", e.actor(), e.role(), e.source(),
                    e.action(), e.detail(), String.valueOf(e.status()), String.valueOf(e.outcome()))).toList();
            String all = String.join("\n", lines);
            assertEquals(7, entries.size(), all);
            assertEquals(List.of(
                    AGENT + " |  | 127.0.0.1 | sign-in refused |  | 401 | wrong name or password",
                    AGENT + " | agent | 127.0.0.1 | sign-in |  | 303 | null",
                    AGENT + " | agent | 127.0.0.1 | POST /console/agent | action=login agent=790006 device=5001 | 302 | null"),
                    lines.subList(0, 3));
            assertTrue(lines.get(3).startsWith(AGENT + " | agent | 127.0.0.1 | POST /console/agent | action=login"
                    + " agent=790006 device=5002 | 302 | "), lines.get(3));
            assertFalse(lines.get(3).endsWith("| null"), "the refusal's message is kept: " + lines.get(3));
            assertEquals("pbx | telephony | 127.0.0.1 | POST /api/telephony/offer | "
                    + "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"} | 201 | null", lines.get(4));
            assertEquals("wallboard | supervisor | 127.0.0.1 | POST /api/agents/790006/logout |  | 200 | null", lines.get(5));
            assertTrue(lines.get(6).startsWith("wallboard | supervisor | 127.0.0.1 | POST /api/agents/790006/login |"
                    + " {\"device\":\"5001\"} | 403 | refused"), lines.get(6));
            assertTrue(entries.stream().allMatch(e -> e.at().equals(node.clock.instant())), "stamped with the clock");
            assertFalse(all.contains("csrf") || all.contains(TestAccess.password(AGENT)), "no secrets in the log: " + all);

            // administrators read it on the console
            Caller root = Caller.signedIn("root", base, TestAccess.ADMIN, TestAccess.password(TestAccess.ADMIN));
            String page = root.get("/console/audit").body();
            assertTrue(page.contains("POST /api/agents/790006/logout") && page.contains("wallboard"), page);
            assertEquals(403, alan.get("/console/audit").statusCode());
        }
    }
}
