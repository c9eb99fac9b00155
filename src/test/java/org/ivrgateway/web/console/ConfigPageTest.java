package org.ivrgateway.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class ConfigPageTest {

    @BothDatabases
    void theConfigurationPageShowsEveryQueueAgentDeviceAndRuleAsLoaded(TestDatabase db) throws Exception {
        try (ConsoleNode node = ConsoleNode.start(db)) {
            HtmlPage page = node.browser().getPage(node.url("console/config"));

            String queues = page.getHtmlElementById("config-queues").asNormalizedText();
            for (QueueConfig q : node.config.queues()) {
                assertTrue(queues.contains(q.name()) && queues.contains(q.pilot()), queues);
            }
            String agents = page.getHtmlElementById("config-agents").asNormalizedText();
            for (AgentConfig a : node.config.agents()) {
                assertTrue(agents.contains(a.id()) && agents.contains(a.name()), agents);
            }
            String text = page.asNormalizedText();
            node.config.ivrDevices().forEach(d -> assertTrue(text.contains(d), d));
            node.config.transitNumbers().numbers().forEach(n -> assertTrue(text.contains(n), n));
            assertTrue(text.contains(node.config.callbacks().timeZone()), text);

            var rules = page.querySelectorAll("#config-rules li");
            assertEquals(node.config.routing().size(), rules.size());
            DomNode first = rules.get(0);
            assertTrue(first.asNormalizedText().contains(node.config.routing().getFirst().when().dnis()),
                    first.asNormalizedText());
            assertTrue(first.asNormalizedText().contains(node.config.routing().getFirst().enqueue().queue()),
                    first.asNormalizedText());
        }
    }
}
