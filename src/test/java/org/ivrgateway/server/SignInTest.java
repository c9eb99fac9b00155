package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;

/**
 * People on the console (docs/SECURITY.md): the sign-in cookie's attributes, the idle timeout, the rate
 * limit of failed sign-ins, sign-out, and the CSRF and Origin checks of every form.
 */
class SignInTest {
    private static final String AGENT = TestAccess.agentUser(TestAccess.AGENT_ID);

    @BothDatabases
    void theSignInCookieIsHttpOnlyAndSameSiteStrictAndTheSessionEndsWhenIdle(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            HttpResponse<String> r = Caller.anonymous(node.uri()).signIn(TestAccess.SUPERVISOR,
                    TestAccess.password(TestAccess.SUPERVISOR));
            assertEquals(303, r.statusCode(), r.body());
            assertEquals("/console/wallboard", r.headers().firstValue("Location").orElseThrow());
            String cookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ivr_console="))
                    .findFirst().orElseThrow();
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
            assertFalse(cookie.contains("Secure"), "plain HTTP: no Secure flag (TlsTest shows it over TLS): " + cookie);

            Caller sam = Caller.signedIn("sam", node.uri(), TestAccess.SUPERVISOR, TestAccess.password(TestAccess.SUPERVISOR));
            assertEquals(200, sam.get("/console/wallboard").statusCode());
            node.clock.advance(Duration.ofMinutes(29));
            assertEquals(200, sam.get("/console/wallboard").statusCode(), "used within the idle time: still signed in");
            node.clock.advance(Duration.ofMinutes(31));
            HttpResponse<String> idle = sam.get("/console/wallboard");
            assertEquals(303, idle.statusCode());
            assertTrue(idle.headers().firstValue("Location").orElseThrow().startsWith("/console/signin"));
        }
    }

    @BothDatabases
    void afterFiveFailedSignInsTheRightPasswordIsRefusedUntilThePauseIsOver(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Caller browser = Caller.anonymous(node.uri());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, browser.signIn(AGENT, "guess-" + i).statusCode());
            }
            HttpResponse<String> blocked = browser.signIn(AGENT, TestAccess.password(AGENT));
            assertEquals(429, blocked.statusCode());
            assertTrue(blocked.body().contains("Too many failed sign-ins"), blocked.body());
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
            assertTrue(blocked.headers().allValues("Set-Cookie").stream().noneMatch(h -> h.startsWith("ivr_console=")),
                    "no sign-in while paused");
            // another person is not paused by these failures... unless from the same address: the tests share
            // 127.0.0.1, so the address count pauses them too
            assertEquals(429, browser.signIn(TestAccess.SUPERVISOR, TestAccess.password(TestAccess.SUPERVISOR)).statusCode());

            node.clock.advance(Duration.ofMinutes(16));
            assertEquals(303, browser.signIn(AGENT, TestAccess.password(AGENT)).statusCode());
        }
    }

    @BothDatabases
    void wrongNameAndWrongPasswordAnswerAlike(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Caller browser = Caller.anonymous(node.uri());
            HttpResponse<String> wrongName = browser.signIn("nobody", "x");
            HttpResponse<String> wrongPassword = browser.signIn(AGENT, "x");
            assertEquals(401, wrongName.statusCode());
            assertEquals(401, wrongPassword.statusCode());
            assertTrue(wrongName.body().contains("Wrong name or password."));
            assertTrue(wrongPassword.body().contains("Wrong name or password."));
        }
    }

    @BothDatabases
    void signingOutEndsTheSessionOnTheServer(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Caller sam = Caller.signedIn("sam", node.uri(), TestAccess.SUPERVISOR, TestAccess.password(TestAccess.SUPERVISOR));
            HttpResponse<String> out = sam.form("/console/signout", Map.of());
            assertEquals(302, out.statusCode(), out.body());
            // the old cookie, replayed, no longer opens anything
            assertEquals(303, sam.get("/console/wallboard").statusCode());
        }
    }

    @BothDatabases
    void everyFormNeedsItsCsrfTokenAndThisOrigin(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Caller alan = Caller.signedIn("alan", node.uri(), AGENT, TestAccess.password(AGENT));

            HttpResponse<String> none = alan.form("/console/agent", Map.of("action", "login", "agent",
                    TestAccess.AGENT_ID, "device", "5001", "csrf", ""));
            assertEquals(403, none.statusCode(), none.body());
            HttpResponse<String> forged = alan.form("/console/agent", Map.of("action", "login", "agent",
                    TestAccess.AGENT_ID, "device", "5001", "csrf", "forged"));
            assertEquals(403, forged.statusCode());
            HttpResponse<String> crossSite = alan.send("POST", "/console/agent", Caller.form(Map.of("action", "login",
                    "agent", TestAccess.AGENT_ID, "device", "5001", "csrf", alan.csrf())),
                    "application/x-www-form-urlencoded", "Origin", "https://evil.example");
            assertEquals(403, crossSite.statusCode());
            assertEquals("LOGGED_OFF", node.rest().get("/api/agents/" + TestAccess.AGENT_ID).field("status"),
                    "none of the refused forms changed anything");

            HttpResponse<String> sameSite = alan.send("POST", "/console/agent", Caller.form(Map.of("action", "login",
                    "agent", TestAccess.AGENT_ID, "device", "5001", "csrf", alan.csrf())),
                    "application/x-www-form-urlencoded", "Origin", node.uri().toString().replaceAll("/$", ""));
            assertEquals(302, sameSite.statusCode(), sameSite.body());
            assertEquals("5001", node.rest().get("/api/agents/" + TestAccess.AGENT_ID).field("device"));
        }
    }

    @BothDatabases
    void anAgentAnswersOnlyItsOwnCall(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            String call = node.rest().post("/api/telephony/offer",
                    "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}").field("callId");
            Caller alan = Caller.signedIn("alan", node.uri(), AGENT, TestAccess.password(AGENT));
            HttpResponse<String> r = alan.form("/console/agent", Map.of("action", "hangup", "agent",
                    TestAccess.AGENT_ID, "call", call));
            assertEquals(302, r.statusCode());
            assertTrue(node.rest().get("/api/calls/" + call).status() == 200, "the call a stranger named is not cleared");
        }
    }
}
