package org.ivrgateway.web.console;

import static org.ivrgateway.web.console.Pages.present;
import static org.ivrgateway.web.console.Pages.press;
import static org.ivrgateway.web.console.Pages.text;
import static org.ivrgateway.web.console.Pages.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;

/** A person in a real browser (docs/SECURITY.md): sent to the sign-in page, signs in, uses its forms, signs out. */
class SignInFlowTest {
    private static final String AGENT = TestAccess.agentUser(TestAccess.AGENT_ID);

    @BothDatabases
    void anAgentSignsInUsesItsOwnDesktopAndSignsOut(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            WebClient browser = node.anonymousBrowser();
            HtmlPage signIn = browser.getPage(node.url("console/"));
            assertTrue(signIn.getUrl().getPath().endsWith("/console/signin"), signIn.getUrl().toString());
            type(signIn, "signin-name", AGENT);
            type(signIn, "signin-password", "wrong");
            HtmlPage refused = press(signIn, "do-signin");
            assertEquals("Wrong name or password.", text(refused, "#signin-problem"));

            type(refused, "signin-name", AGENT);
            type(refused, "signin-password", TestAccess.password(AGENT));
            HtmlPage desk = press(refused, "do-signin");
            assertTrue(desk.getUrl().toString().endsWith("/console/agent?id=" + TestAccess.AGENT_ID), desk.getUrl().toString());
            assertFalse(present(desk, "a[href$='/wallboard']"), "an agent's console has no wallboard link");
            assertTrue(text(desk, ".who").startsWith(AGENT), text(desk, ".who"));

            // the forms carry the sign-in's CSRF token: a log on by the form works
            type(desk, "desk-device", node.config.agentDevices().getFirst());
            HtmlPage onDuty = press(desk, "do-login");
            assertFalse(node.center.agent(TestAccess.AGENT_ID).status() == AgentStatus.LOGGED_OFF);

            HtmlPage out = press(onDuty, "do-signout");
            assertTrue(out.getUrl().getPath().endsWith("/console/signin"), out.getUrl().toString());
            HtmlPage again = browser.getPage(node.url("console/agent?id=" + TestAccess.AGENT_ID));
            assertTrue(again.getUrl().getPath().endsWith("/console/signin"), "signed out: " + again.getUrl());
        }
    }
}
