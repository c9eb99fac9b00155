package org.ivrgateway.web.console;

import static org.ivrgateway.web.console.Pages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;

/** The agent desktop worked from the keyboard: Tab in a logical order, typing, Enter to submit. */
@Slow
class KeyboardTest {

    @BothDatabases
    void anAgentLogsOnAndBecomesAvailableWithTheKeyboardAlone(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            AgentConfig agent = node.config.agents().getFirst();
            HtmlPage page = node.browser().getPage(node.url("console/agent"));

            HtmlElement skip = tabTo(page, "a.skip");
            assertEquals("Skip to content", skip.asNormalizedText(), "the first Tab reaches the skip link");
            tabTo(page, "#logon-agent").type(agent.id());
            HtmlElement device = tabTo(page, "#logon-device");
            device.type(node.config.agentDevices().getFirst());
            HtmlPage desk = (HtmlPage) device.type('\n');

            if (desk.querySelector("#do-available") != null) {
                // a native <button> is what browsers activate with Enter and Space; HtmlUnit does not model
                // that key, so the button reached by Tab is activated as the browser would
                HtmlElement available = tabTo(desk, "#do-available");
                assertEquals("button", available.getTagName());
                desk = available.click();
            }
            assertEquals(Labels.stateName(AgentStatus.AVAILABLE), text(desk, "#my-state"));
        }
    }

    /** Presses Tab until the element matching {@code selector} has the focus; at most 30 presses. */
    private static HtmlElement tabTo(HtmlPage page, String selector) throws IOException {
        DomElement target = page.querySelector(selector);
        assertNotNull(target, selector);
        for (int i = 0; i < 30; i++) {
            HtmlElement focused = page.tabToNextElement();
            if (focused == target) return focused;
        }
        throw new AssertionError("Tab never reaches " + selector);
    }
}
