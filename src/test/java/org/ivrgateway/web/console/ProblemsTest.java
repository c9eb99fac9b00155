package org.ivrgateway.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ivrgateway.api.Incident;
import org.ivrgateway.testing.CapturedLog;
import org.junit.jupiter.api.Test;

/** A console page tells an unexpected failure as every edge does: an incident id that is the logged one. */
class ProblemsTest {
    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) ");

    @Test
    void anUnexpectedFailureIsTheLoggedIncidentWithNothingOfTheException() {
        try (CapturedLog log = CapturedLog.of(Incident.class)) {
            String sentence = Problems.describe(new IllegalStateException("secret detail"));

            assertFalse(sentence.contains("secret detail"), sentence);
            Matcher m = INCIDENT.matcher(sentence);
            assertTrue(m.find(), sentence);
            assertEquals(1, log.events().stream().filter(e -> e.getFormattedMessage().startsWith("incident " + m.group(1) + ": ")
                    && e.getThrowableProxy() != null).count(), sentence);
        }
    }
}
