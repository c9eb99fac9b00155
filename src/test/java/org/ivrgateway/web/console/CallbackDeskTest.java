package org.ivrgateway.web.console;

import static org.ivrgateway.web.console.ConsoleFlowTest.logOn;
import static org.ivrgateway.web.console.Pages.await;
import static org.ivrgateway.web.console.Pages.present;
import static org.ivrgateway.web.console.Pages.press;
import static org.ivrgateway.web.console.Pages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.htmlunit.html.HtmlPage;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.Views;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;

/** A callback on the console: offered on the agent desktop with its details, accepted, placed, answered. */
@Slow
class CallbackDeskTest {
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @BothDatabases
    void theAgentSeesTheCallbackAcceptsItAndTheTelephonyPanelReportsTheOutcome(TestDatabase db) throws Exception {
        // A clock of the test's, a Tuesday 10:00 in Toronto: the callback is due because the test says when.
        org.ivrgateway.testing.MutableClock clock = new org.ivrgateway.testing.MutableClock(
                Instant.parse("2025-03-04T15:00:00Z"));
        try (ConsoleNode node = ConsoleNode.start(db, "centers/callback-console-center.yaml", clock)) {
            String callbackId = createCallback(node, clock);
            HtmlPage desk = logOn(node.browser().getPage(node.url("console/agent")), "790006", "5001");
            if (present(desk, "#do-available")) desk = press(desk, "do-available");
            // The node's sweeper releases the due callback within a second or so; the test also fires the timers
            // itself, so that what it checks is the desktop, not how soon the sweeper got the CPU.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
            while (!"OFFERED".equals(status(node, callbackId).status()) && System.nanoTime() < deadline) {
                node.center.runTimers();
                Thread.sleep(200);
            }
            assertEquals("OFFERED", status(node, callbackId).status());
            HtmlPage[] page = {(HtmlPage) desk.refresh()};
            await("the callback offered on the desktop", () -> present(page[0], "#do-accept-callback"));
            assertEquals(callbackId, text(page[0], "#callback-id"));
            assertEquals("Ann Caller", text(page[0], "#callback-contact"));
            assertEquals("4165550199", text(page[0], "#callback-number"));
            assertEquals("0 of 3", text(page[0], "#callback-attempts"));
            assertTrue(text(page[0], "#callback-contact-data").contains("Gold"));

            HtmlPage accepted = press(page[0], "do-accept-callback");
            assertEquals("DIALING", status(node, callbackId).status());
            long dial = node.center.pendingEvents().stream().filter(e -> e.type().equals("DIAL")).findFirst()
                    .orElseThrow().id();
            HtmlPage telephony = node.browser().getPage(node.url("console/telephony"));
            press(telephony, "dial-answered-" + dial);
            Views.Callback done = status(node, callbackId);
            assertEquals("ANSWERED", done.status());
            assertEquals("answered", done.attemptList().getFirst().outcome());
            assertTrue(present(accepted, "#callback-id"));
        }
    }

    private static Views.Callback status(ConsoleNode node, String id) {
        return node.center.callbacks().stream().filter(c -> c.callbackId().equals(id)).findFirst().orElseThrow();
    }

    private static String createCallback(ConsoleNode node, java.time.Clock clock) {
        String callId = node.center.offer("36200", "4165550100", "69030");
        Result init = node.center.initialize("127.0.0.1", "1", "6000@localhost", 10_000);
        assertEquals(0, init.returnCode(), init.detail());
        String session = init.string("SessionID");
        assertEquals(0, node.center.queryCallInfo(session, "36200", null).returnCode());
        assertEquals(0, node.center.setContactData(session, callId, "Tier", "Gold").returnCode());
        var now = clock.instant().atZone(TORONTO);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");
        String schedule = "4165550199;" + when.format(now.minusMinutes(1)) + ";" + when.format(now.plusHours(2));
        int offset = now.getOffset().getTotalSeconds() / 60;
        Result r = node.center.createCallback(session, callId, "CBQueue", "Billing question", offset, "Ann Caller",
                schedule, null, null);
        assertEquals(0, r.returnCode(), r.detail());
        return r.string("CallbackID");
    }
}
