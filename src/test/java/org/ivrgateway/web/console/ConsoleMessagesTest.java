package org.ivrgateway.web.console;

import static org.ivrgateway.web.console.ConsoleFlowTest.logOn;
import static org.ivrgateway.web.console.Pages.flash;
import static org.ivrgateway.web.console.Pages.present;
import static org.ivrgateway.web.console.Pages.press;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** Bad input on the console: a clear message on the page, with the API's return code; never a stack trace. */
class ConsoleMessagesTest {

    @BothDatabases
    void logOnOfAnUnknownAgentSays904OnThePage(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            HtmlPage page = logOn(node.browser().getPage(node.url("console/agent")), "nobody",
                    node.config.agentDevices().getFirst());

            assertMessage(page, ReturnCode.UNKNOWN_AGENT);
            assertEquals("nobody", page.getHtmlElementById("logon-agent").getAttribute("value"),
                    "the form keeps the ID to correct it");
        }
    }

    @BothDatabases
    void logOnAtADeviceInUseSays914OnThePage(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            List<AgentConfig> agents = node.config.agents();
            String device = node.config.agentDevices().getFirst();
            node.center.login(agents.get(0).id(), device);

            HtmlPage page = logOn(node.browser().getPage(node.url("console/agent")), agents.get(1).id(), device);

            assertMessage(page, ReturnCode.OPERATION_FAILED);
        }
    }

    @BothDatabases
    void logOnAtAnUnknownDeviceSays909OnThePage(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            HtmlPage page = logOn(node.browser().getPage(node.url("console/agent")),
                    node.config.agents().getFirst().id(), "no-such-device");

            assertMessage(page, ReturnCode.UNKNOWN_DEVICE);
        }
    }

    @BothDatabases
    void aStateChangeNoLongerAllowedSays914OnThePage(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            String agent = node.config.agents().getFirst().id();
            HtmlPage desk = logOn(node.browser().getPage(node.url("console/agent")), agent,
                    node.config.agentDevices().getFirst());
            String button = present(desk, "#do-available") ? "do-available" : "do-unavailable";
            node.center.logout(agent);

            HtmlPage page = press(desk, button);

            assertMessage(page, ReturnCode.OPERATION_FAILED);
        }
    }

    @BothDatabases
    void aFormPostMissingItsAgentSaysWhatIsMissing(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            WebRequest post = new WebRequest(new URL(node.url("console/agent")), HttpMethod.POST);
            post.setRequestParameters(List.of(new NameValuePair("action", "login")));

            HtmlPage page = node.browser().getPage(post);

            assertTrue(flash(page).contains("agent ID is required"), flash(page));
            assertNoStackTrace(page);
        }
    }

    @BothDatabases
    void anUnknownConsolePageIs404WithAMessage(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            HtmlPage page = node.browser().getPage(node.url("console/no-such-page"));

            assertEquals(404, page.getWebResponse().getStatusCode());
            assertTrue(page.asNormalizedText().contains("There is no console page"), page.asNormalizedText());
            assertNoStackTrace(page);
        }
    }

    @BothDatabases
    void theRootOfTheServerLeadsToTheWallboard(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            HtmlPage page = node.browser().getPage(node.url(""));

            assertEquals(node.url("console/wallboard"), page.getUrl().toString());
            assertEquals("Wallboard", page.querySelector("h1").asNormalizedText());
        }
    }

    private static void assertMessage(HtmlPage page, ReturnCode code) {
        String flash = flash(page);
        assertTrue(flash.startsWith("Not done:"), flash);
        assertTrue(flash.contains("(code " + code.code() + ")"), flash);
        assertNoStackTrace(page);
    }

    static void assertNoStackTrace(HtmlPage page) {
        String text = page.asNormalizedText();
        assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("at org."), text);
    }
}
