package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ivrgateway.api.Incident;
import org.ivrgateway.gateway.SubdialogClient.Style;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.ivrgateway.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure inside the gateway is -305 in a valid document, with the incident id of the log in a comment. */
class IncidentTest {
    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f-]{36})");

    @TempDir
    Path templates;

    @Test
    void aTemplateFailingAtRunTimeGives305WithTheLoggedIncidentId() throws IOException {
        // Passes the start-up check (which renders 0 and -306) and fails on the -304 of a call without session.
        String failing = TemplatesTest.builtIn("result.vxml")
                .replace("<block>", "<block th:with=\"boom=${returnCode == -304 ? 1 / 0 : 0}\">");
        Files.writeString(templates.resolve("QueryQueueStatistics.vxml"), failing);
        try (CapturedLog log = CapturedLog.of(Incident.class); TestDatabase db = TestDatabases.h2();
             LiveCenter live = LiveCenter.start(db, LiveCenter.config(1, 5000), templates)) {
            SubdialogClient.Reply reply = live.browser(false)
                    .fetch("QueryQueueStatistics", Map.of("QueueName", LiveCenter.QUEUE), Style.POST);
            Map<String, Object> values = reply.document().evaluate("return", Map.of());
            assertEquals(Map.of("ReturnCode", -305, "CallsInQueue", 0, "EstimatedWait", 0, "AverageWait", 0,
                    "OldestCallInQueue", 0, "ServiceLevel", 0), values);
            Matcher m = INCIDENT.matcher(String.join(" ", reply.document().comments()));
            assertTrue(m.find(), reply.document()::text);
            String id = m.group(1);
            assertTrue(log.events().stream().anyMatch(e -> e.getFormattedMessage().contains(id) && e.getThrowableProxy() != null),
                    "the log must carry incident " + id);
        }
    }
}
