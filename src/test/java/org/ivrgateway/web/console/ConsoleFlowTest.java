package org.ivrgateway.web.console;

import static org.ivrgateway.web.console.Pages.await;
import static org.ivrgateway.web.console.Pages.flash;
import static org.ivrgateway.web.console.Pages.present;
import static org.ivrgateway.web.console.Pages.press;
import static org.ivrgateway.web.console.Pages.text;
import static org.ivrgateway.web.console.Pages.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.core.config.AgentConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** A whole call played in browsers: the telephony panel, an IVR script, the wallboard and the agent desktop. */
class ConsoleFlowTest {

    @BothDatabases
    void agentLogsOnAndBecomesAvailableOnTheDesktop(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            AgentConfig agent = node.config.agents().getFirst();
            HtmlPage desk = logOn(node.browser().getPage(node.url("console/agent")), agent.id(),
                    node.config.agentDevices().getFirst());

            if (present(desk, "#do-available")) desk = press(desk, "do-available");

            assertEquals(Labels.stateName(AgentStatus.AVAILABLE), text(desk, "#my-state"));
            assertEquals(AgentStatus.AVAILABLE, node.center.agent(agent.id()).status());
            assertEquals(node.config.agentDevices().getFirst(), node.center.agent(agent.id()).device());
        }
    }

    @BothDatabases
    void aCallOfferedAndEnqueuedReachesTheWallboardThenTheAgentsDesktopWithoutReload(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db); IvrScript ivr = new IvrScript(node.base)) {
            AgentConfig agent = node.config.agents().getFirst();
            String queue = agent.queues().getFirst();
            String ivrDevice = node.config.ivrDevices().getFirst();

            WebClient supervisor = node.browser();
            HtmlPage wallboard = supervisor.getPage(node.url("console/wallboard"));
            String waiting = "[data-queue='" + queue + "'] .waiting";
            assertEquals("0", text(wallboard, waiting));

            HtmlPage desk = logOn(node.browser().getPage(node.url("console/agent")), agent.id(),
                    node.config.agentDevices().getFirst());
            if (present(desk, "#do-unavailable")) desk = press(desk, "do-unavailable");

            HtmlPage telephony = node.browser().getPage(node.url("console/telephony"));
            telephony.<org.htmlunit.html.HtmlSelect>getHtmlElementById("offer-device")
                    .setSelectedAttribute(ivrDevice, true);
            type(telephony, "offer-ani", "4165550123");
            type(telephony, "offer-dnis", "69030");
            telephony = press(telephony, "do-offer");
            String callId = ivr.answerAt("1", ivrDevice);
            assertTrue(flash(telephony).contains("Call " + callId + " offered"), flash(telephony));

            ivr.call("SetContactData", "CallID", callId, "Key", "customer", "Value", "4711");
            ivr.call("SetDisplay", "CallID", callId, "DisplayInfo", "GOLD 4711");
            ivr.call("Enqueue", "CallID", callId, "IVRHold", "1", "QueueName", queue, "InitialPriority", "5",
                    "Description", "Gold customer");

            String row = "#calls tr[data-call='" + callId + "']";
            await("the queued call on the wallboard", () -> present(wallboard, row));
            assertSame(wallboard, supervisor.getCurrentWindow().getEnclosedPage(), "the wallboard was not reloaded");
            assertEquals("1", text(wallboard, waiting));
            assertTrue(text(wallboard, row).contains("customer=4711"), text(wallboard, row));

            HtmlPage offered = press(desk, "do-available");
            await("the call on the agent's desktop", () -> callId.equals(text(offered, "#call-id")));
            assertEquals("Gold customer", text(offered, "#call-description"));
            assertEquals("GOLD 4711", text(offered, "#call-display"));
            assertTrue(text(offered, "#contact-data").contains("customer 4711"), text(offered, "#contact-data"));
            assertTrue(present(offered, "#do-answer"), "an incoming call offers Answer");

            await("the call out of the queue on the wallboard", () -> "0".equals(text(wallboard, waiting)));
            assertEquals(agent.id(), node.center.calls().stream()
                    .filter(c -> c.callId().equals(callId)).findFirst().orElseThrow().agentId());

            HtmlPage talking = press(offered, "do-answer");
            assertEquals(Labels.stateName(AgentStatus.TALKING), text(talking, "#my-state"));
            HtmlPage after = press(talking, "do-hangup");
            assertTrue(!present(after, "#call-id"), "the call is gone from the desktop");
            await("the ended call off the wallboard", () -> !present(wallboard, row));
        }
    }

    static HtmlPage logOn(HtmlPage page, String agentId, String device) {
        type(page, "logon-agent", agentId);
        type(page, "logon-device", device);
        return press(page, "do-logon");
    }
}
