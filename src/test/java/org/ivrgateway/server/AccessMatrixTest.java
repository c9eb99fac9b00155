package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;

/**
 * Every console page and REST endpoint × every kind of requester (docs/SECURITY.md): nobody, the agent
 * itself (790006), another agent (790007), a supervisor, an administrator, the telephony side's token and
 * a token nobody issued. REST requesters present tokens; on the console, people sign in (the telephony
 * and the wrong token are presented there as tokens). Each cell is the answer: a status, {@code +} for
 * "let through" (the request reached its endpoint, whatever that answered: not 401, 403, 415, nor a
 * redirect to the sign-in page, nor 5xx), or {@code signin} for the redirect to the sign-in page.
 */
class AccessMatrixTest {
    private static final String SELF = TestAccess.AGENT_ID;
    private static final String OTHER = "790007";
    private static final String[] COLUMNS = {"anonymous", "agent itself", "another agent", "supervisor", "admin",
            "telephony", "wrong token"};

    /** One row: a request and the seven answers expected, in the order of {@link #COLUMNS}. */
    private record Row(String method, String path, String body, String expected) {
    }

    private static final List<Row> REST = List.of(
            new Row("GET", "/api/agents/" + SELF, null, "401 + 403 + + 403 401"),
            new Row("POST", "/api/agents/" + SELF + "/login", "{\"device\":\"5001\"}", "401 + 403 403 + 403 401"),
            new Row("POST", "/api/agents/" + SELF + "/state", "{\"state\":\"AVAILABLE\"}", "401 + 403 403 + 403 401"),
            new Row("POST", "/api/agents/" + SELF + "/state", "{\"state\":\"UNAVAILABLE\"}", "401 + 403 + + 403 401"),
            new Row("POST", "/api/agents/" + SELF + "/state", "{\"state\":\"WORK\"}", "401 + 403 403 + 403 401"),
            new Row("POST", "/api/agents/" + SELF + "/logout", null, "401 + 403 + + 403 401"),
            new Row("GET", "/api/agents", null, "401 403 403 + + 403 401"),
            new Row("GET", "/api/queues", null, "401 + + + + 403 401"),
            new Row("GET", "/api/calls", null, "401 403 403 + + 403 401"),
            new Row("GET", "/api/calls/{call}", null, "401 403 403 + + 403 401"),
            new Row("POST", "/api/telephony/offer", "{\"device\":\"36201\",\"ani\":\"1\",\"dnis\":\"2\"}", "401 403 403 403 + + 401"),
            new Row("POST", "/api/telephony/arrived", "{\"dialed\":\"8001\"}", "401 403 403 403 + + 401"),
            new Row("GET", "/api/telephony/events", null, "401 403 403 403 + + 401"),
            new Row("POST", "/api/telephony/events/1/ack", null, "401 403 403 403 + + 401"),
            new Row("POST", "/api/calls/{call}/answered", null, "401 403 403 403 + + 401"),
            new Row("POST", "/api/calls/{call}/cleared", null, "401 403 403 403 + + 401"),
            new Row("GET", "/api/callbacks", null, "401 403 403 + + 403 401"),
            new Row("POST", "/api/callbacks/CB1/outcome", "{\"outcome\":\"busy\"}", "401 403 403 403 + + 401"),
            new Row("POST", "/api/callbacks/CB1/accept", "{\"agentId\":\"" + SELF + "\"}", "401 + 403 403 + 403 401"),
            new Row("POST", "/api/callbacks/CB1/accept", null, "401 403 403 403 + 403 401"),
            new Row("GET", "/api/reports/queues", null, "401 403 403 + + 403 401"),
            // a route nobody has written a rule for: administrators only
            new Row("GET", "/api/not-yet-written", null, "401 403 403 403 + 403 401"),
            new Row("GET", "/health", null, "200 200 200 200 200 200 200"),
            // the test runs on loopback, which /metrics admits without a token; a wrong token is still refused
            new Row("GET", "/metrics", null, "200 200 200 200 200 200 401"));

    private static final List<Row> CONSOLE = List.of(
            new Row("GET", "/", null, "signin + + + + 403 401"),
            new Row("GET", "/console/wallboard", null, "signin 403 403 200 200 403 401"),
            new Row("GET", "/console/agent?id=" + SELF, null, "signin 200 403 200 200 403 401"),
            new Row("GET", "/console/agent", null, "signin 302 302 200 200 403 401"),
            new Row("GET", "/console/telephony", null, "signin 403 403 403 200 403 401"),
            new Row("GET", "/console/reports", null, "signin 403 403 200 200 403 401"),
            new Row("GET", "/console/config", null, "signin 403 403 403 200 403 401"),
            new Row("GET", "/console/audit", null, "signin 403 403 403 200 403 401"),
            new Row("GET", "/console/events?once=1", null, "signin 200 200 200 200 403 401"),
            new Row("GET", "/console/static/console.css", null, "200 200 200 200 200 200 200"),
            new Row("GET", "/console/signin", null, "200 200 200 200 200 200 200"),
            // a path outside the console, the API and the VoiceXML paths: nothing there, for anyone
            new Row("GET", "/not-yet-written", null, "404 404 404 404 404 404 404"),
            new Row("GET", "/console/not-yet-written", null, "signin 403 403 403 404 403 401"),
            new Row("POST", "/console/agent", "action=unavailable&agent=" + SELF, "signin + 403 + + 403 401"),
            new Row("POST", "/console/agent", "action=login&agent=" + SELF + "&device=5002", "signin + 403 403 + 403 401"),
            new Row("POST", "/console/agent", "action=available&agent=" + SELF, "signin + 403 403 + 403 401"),
            new Row("POST", "/console/agent", "action=logout&agent=" + SELF, "signin + 403 + + 403 401"),
            new Row("POST", "/console/telephony", "action=offer&device=36202&ani=1&dnis=2", "signin 403 403 403 + 403 401"));

    @BothDatabases
    void everyEndpointAnswersEachRequesterAsTheRulesSay(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db, TestNode.loadConfig("centers/test-center.yaml", OTHER))) {
            String call = node.rest().post("/api/telephony/offer",
                    "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}").field("callId");
            var base = node.uri();
            List<Caller> rest = List.of(Caller.anonymous(base),
                    Caller.token("agent itself", base, TestAccess.agentToken(SELF)),
                    Caller.token("another agent", base, TestAccess.agentToken(OTHER)),
                    Caller.token("supervisor", base, TestAccess.SUPERVISOR_TOKEN),
                    Caller.token("admin", base, TestAccess.ADMIN_TOKEN),
                    Caller.token("telephony", base, TestAccess.TELEPHONY_TOKEN),
                    Caller.token("wrong token", base, "not-a-token-anyone-issued"));
            List<Caller> console = List.of(Caller.anonymous(base),
                    person(base, "agent itself", TestAccess.agentUser(SELF)),
                    person(base, "another agent", TestAccess.agentUser(OTHER)),
                    person(base, "supervisor", TestAccess.SUPERVISOR),
                    person(base, "admin", TestAccess.ADMIN),
                    rest.get(5), rest.get(6));
            List<String> wrong = new ArrayList<>();
            for (Row row : REST) check(row, rest, call, false, wrong);
            for (Row row : CONSOLE) check(row, console, call, true, wrong);
            assertTrue(wrong.isEmpty(), "answers not as the rules say:\n" + String.join("\n", wrong));
        }
    }

    @BothDatabases
    void aSupervisorsTokenOpensTheWallboardAnAgentsTokenDoesNot(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            assertEquals(200, Caller.token("wallboard", node.uri(), TestAccess.SUPERVISOR_TOKEN)
                    .get("/console/wallboard").statusCode());
            assertEquals(403, Caller.token("phone", node.uri(), TestAccess.agentToken(SELF))
                    .get("/console/agent?id=" + SELF).statusCode());
        }
    }

    private static Caller person(java.net.URI base, String label, String user) {
        return Caller.signedIn(label, base, user, TestAccess.password(user));
    }

    private static void check(Row row, List<Caller> callers, String call, boolean console, List<String> wrong) {
        String[] expected = row.expected().split(" ");
        String path = row.path().replace("{call}", call);
        for (int i = 0; i < callers.size(); i++) {
            Caller who = callers.get(i);
            HttpResponse<String> r;
            if (console && row.method().equals("POST")) {
                r = who.form(path, parse(row.body()));
            } else {
                r = who.json(row.method(), path, row.body());
            }
            String got = describe(r);
            boolean ok = expected[i].equals("+") ? letThrough(r) : expected[i].equals(got);
            if (!ok) {
                wrong.add(row.method() + " " + row.path() + " as " + COLUMNS[i] + ": expected " + expected[i]
                        + ", got " + got + " " + r.body().lines().findFirst().orElse(""));
            }
        }
    }

    private static String describe(HttpResponse<String> r) {
        boolean toSignIn = r.statusCode() == 303
                && r.headers().firstValue("Location").orElse("").contains("/console/signin");
        return toSignIn ? "signin" : String.valueOf(r.statusCode());
    }

    private static boolean letThrough(HttpResponse<String> r) {
        int s = r.statusCode();
        return s != 401 && s != 403 && s != 415 && s < 500 && !describe(r).equals("signin");
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new java.util.TreeMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return fields;
    }
}
