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
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;

/** A whole call played in browsers: the telephony panel, an IVR script, the wallboard and the agent desktop. */
@Slow
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

            // live regions change under the test: every read of a live page happens inside an await
            String row = "#calls tr[data-call='" + callId + "']";
            await("the queued call, with its contact data, on the wallboard", () -> "1".equals(text(wallboard, waiting))
                    && contains(text(wallboard, row), "customer=4711"));
            assertSame(wallboard, supervisor.getCurrentWindow().getEnclosedPage(), "the wallboard was not reloaded");

            HtmlPage offered = press(desk, "do-available");
            await("the call on the agent's desktop with description, display text and contact data", () ->
                    callId.equals(text(offered, "#call-id"))
                    && "Gold customer".equals(text(offered, "#call-description"))
                    && "GOLD 4711".equals(text(offered, "#call-display"))
                    && contains(text(offered, "#contact-data"), "customer 4711")
                    && present(offered, "#do-answer"));

            await("the call out of the queue on the wallboard", () -> "0".equals(text(wallboard, waiting))
                    && contains(text(wallboard, row), agent.id()));
            assertEquals(agent.id(), node.center.calls().stream()
                    .filter(c -> c.callId().equals(callId)).findFirst().orElseThrow().agentId());

            HtmlPage talking = press(offered, "do-answer");
            await("the agent talking", () -> Labels.stateName(AgentStatus.TALKING).equals(text(talking, "#my-state"))
                    && present(talking, "#do-hangup"));
            HtmlPage after = press(talking, "do-hangup");
            await("the call gone from the desktop", () -> !present(after, "#call-id"));
            await("the ended call off the wallboard", () -> !present(wallboard, row));
        }
    }

    private static boolean contains(String text, String part) {
        return text != null && text.contains(part);
    }

    static HtmlPage logOn(HtmlPage page, String agentId, String device) {
        type(page, "logon-agent", agentId);
        type(page, "logon-device", device);
        return press(page, "do-logon");
    }
}
