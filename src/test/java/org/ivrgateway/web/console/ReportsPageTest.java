package org.ivrgateway.web.console;

import static org.ivrgateway.web.console.Pages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlImage;
import org.htmlunit.html.HtmlPage;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.Views;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** The report page of a day with calls: the figures of the reports API, and a plot per queue drawn from them. */
class ReportsPageTest {

    @BothDatabases
    void theDaysReportShowsTheReportFiguresAndAPlotPerQueue(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            String answered = call(node, "36200");
            String abandoned = call(node, "36201");
            node.center.login("790006", "5001");
            node.center.changeState("790006", AgentStatus.AVAILABLE);
            node.center.answered(answered);
            node.center.cleared(abandoned);
            node.center.cleared(answered);

            LocalDate today = LocalDate.now(ZoneId.of(node.config.callbacks().timeZone()));
            Views.QueueDay sales = node.center.queueReport(today).rows().stream()
                    .filter(q -> q.queue().equals("Sales")).findFirst().orElseThrow();
            assertEquals(2, sales.total().offered());

            WebClient browser = node.browser();
            HtmlPage page = browser.getPage(node.url("console/reports?day=" + today));
            assertEquals(200, page.getWebResponse().getStatusCode());
            String section = "[data-report-queue='Sales'] ";
            assertEquals(String.valueOf(sales.total().offered()), text(page, section + ".total-offered"));
            assertEquals(String.valueOf(sales.total().answered()), text(page, section + ".total-answered"));
            assertEquals(sales.total().serviceLevel() + " %", text(page, section + ".total-service-level"));
            assertEquals(String.valueOf(node.center.agentReport(today).rows().getFirst().callsHandled()),
                    text(page, "#report-agents [data-agent='790006'] .calls"));

            HtmlImage plot = page.querySelector(section + "img");
            assertTrue(plot.getAltAttribute().contains("2 offered"), plot.getAltAttribute());
            Page png = browser.getPage(plot.getSrc().startsWith("http") ? plot.getSrc()
                    : node.url(plot.getSrc().substring(1)));
            assertEquals("image/png", png.getWebResponse().getContentType());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.getWebResponse().getContentAsStream().readAllBytes()));
            assertEquals(900, image.getWidth());
            assertEquals(320, image.getHeight());
            assertEquals(404, browser.getPage(node.url("console/charts/Nope.png")).getWebResponse().getStatusCode());
        }
    }

    private static String call(ConsoleNode node, String device) {
        String callId = node.center.offer(device, "4165550100", "69030");
        Result init = node.center.initialize("127.0.0.1", "6060", "6000@localhost", 10_000);
        assertEquals(0, init.returnCode(), init.detail());
        assertEquals(0, node.center.queryCallInfo(init.string("SessionID"), device, null).returnCode());
        assertEquals(0, node.center.enqueue(init.string("SessionID"), callId, 1, "Sales", 5, null, null).returnCode());
        return callId;
    }
}
