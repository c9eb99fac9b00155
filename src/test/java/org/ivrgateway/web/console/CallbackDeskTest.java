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
import org.ivrgateway.testing.MutableClock;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Isolated;

/** A callback on the console: offered on the agent desktop with its details, accepted, placed, answered. */
@Slow
@Isolated("waits on the real clock for the sweeper to offer the callback: next to other classes it missed its 20 s")
class CallbackDeskTest {
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @BothDatabases
    void theAgentSeesTheCallbackAcceptsItAndTheTelephonyPanelReportsTheOutcome(TestDatabase db) throws Exception {
        // A clock of the test's, a Tuesday 10:00 in Toronto: the callback is due because the test says when.
        org.ivrgateway.testing.MutableClock clock = new org.ivrgateway.testing.MutableClock(
                Instant.parse("2025-03-04T15:00:00Z"));
        try (ConsoleNode node = ConsoleNode.start(db, "centers/callback-console-center.yaml", clock)) {
            String callbackId = createCallback(node, clock, -1);
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
            assertEquals("Billing question", text(page[0], "#callback-description"));
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

    /**
     * Two nodes on one PostgreSQL database (H2 serves one node): a callback created on node A, which then stops,
     * is released by node B's own sweeper and offered on B's agent desktop, accepted there and placed by B.
     */
    @BothDatabases
    void aCallbackCreatedOnOneNodeIsOfferedOnAnotherNodesDesk(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(db.kind().equals("PostgreSQL"), "H2 serves one node");
        MutableClock clock = new MutableClock(Instant.parse("2025-03-04T15:00:00Z"));
        try (ConsoleNode a = ConsoleNode.start(db, "centers/callback-console-center.yaml", clock);
             ConsoleNode b = ConsoleNode.start(db, "centers/callback-console-center.yaml", clock)) {
            String callbackId = createCallback(a, clock, 5);
            HtmlPage desk = logOn(b.browser().getPage(b.url("console/agent")), "790006", "5001");
            if (present(desk, "#do-available")) desk = press(desk, "do-available");
            a.close();
            assertEquals("PENDING", status(b, callbackId).status(), "its window opens in 5 minutes");
            clock.advance(java.time.Duration.ofMinutes(5));
            // Nobody fires the timers here: node B's sweeper releases the callback, and the router offers it.
            HtmlPage[] page = {desk};
            await("the callback offered on node B's desktop", () -> {
                page[0] = refresh(page[0]);
                return present(page[0], "#do-accept-callback");
            });
            assertEquals(callbackId, text(page[0], "#callback-id"));
            assertEquals("Billing question", text(page[0], "#callback-description"));
            assertTrue(text(page[0], "#callback-contact-data").contains("Gold"));
            press(page[0], "do-accept-callback");
            assertEquals("DIALING", status(b, callbackId).status());
            assertTrue(b.center.pendingEvents().stream().anyMatch(e -> e.type().equals("DIAL")
                    && e.detail().startsWith("callback=" + callbackId + ";")), "B asks to place the call");
        }
    }

    private static HtmlPage refresh(HtmlPage page) {
        try {
            return (HtmlPage) page.refresh();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Views.Callback status(ConsoleNode node, String id) {
        return node.center.callbacks().stream().filter(c -> c.callbackId().equals(id)).findFirst().orElseThrow();
    }

    /** A callback to 4165550199 whose window opens {@code fromMinutes} from now (local time, minute-rounded). */
    private static String createCallback(ConsoleNode node, java.time.Clock clock, int fromMinutes) {
        String callId = node.center.offer("36200", "4165550100", "69030");
        Result init = node.center.initialize("127.0.0.1", "1", "6000@localhost", 10_000);
        assertEquals(0, init.returnCode(), init.detail());
        String session = init.string("SessionID");
        assertEquals(0, node.center.queryCallInfo(session, "36200", null).returnCode());
        assertEquals(0, node.center.setContactData(session, callId, "Tier", "Gold").returnCode());
        var now = clock.instant().atZone(TORONTO);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");
        String schedule = "4165550199;" + when.format(now.plusMinutes(fromMinutes)) + ";" + when.format(now.plusHours(2));
        int offset = now.getOffset().getTotalSeconds() / 60;
        Result r = node.center.createCallback(session, callId, "CBQueue", "Billing question", offset, "Ann Caller",
                schedule, null, null);
        assertEquals(0, r.returnCode(), r.detail());
        return r.string("CallbackID");
    }
}
