package org.ivrgateway.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A request the server cannot decode is the client's error (docs/RELIABILITY.md): the console and the REST
 * API answer it with 400 and a fixed sentence, no exception text, and log no incident.
 */
@org.junit.jupiter.api.parallel.Isolated("reads the root logger: another class's warnings must not land in it")
class ClientErrorTest {

    @Test
    void undecodableQueryIs400WithoutIncident() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (TestDatabase db = TestDatabases.h2(); ConsoleNode node = ConsoleNode.start(db)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (String path : List.of("console/agent?id=%FF", "console/wallboard?fragment=%FF%FE",
                    "api/calls?limit=%FF", "api/calls?offset=%FF%FE")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.base.resolve(path))
                        .header("Authorization", "Bearer " + org.ivrgateway.testing.TestAccess.ADMIN_TOKEN)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, answer.statusCode(), path + ": " + answer.body());
                assertFalse(answer.body().contains("Exception"), path + ": " + answer.body());
                assertFalse(answer.body().contains("incident"), path + ": " + answer.body());
            }
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertTrue(errors.isEmpty(), () -> "logged: " + errors.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
}
