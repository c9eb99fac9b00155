package org.ivrgateway.web.console;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.TestAccess;

/** /console/events as a real browser's EventSource reads it: a stream of snapshot events, one per change. */
class EventStreamTest {

    @BothDatabases
    void theStreamPushesANewSnapshotWhenAnAgentLogsOn(TestDatabase db) throws Exception {
        // the node closes first: its graceful stop ends the stream, which the client then need not wait for
        try (HttpClient http = HttpClient.newHttpClient(); ConsoleNode node = ConsoleNode.start(db)) {
            AgentConfig agent = node.config.agents().getFirst();
            String device = node.config.agentDevices().getFirst();
            HttpRequest request = HttpRequest.newBuilder(node.base.resolve("console/events"))
                    .header("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN)
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (Stream<String> body = response.body()) {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test is over and closed the stream
                }
            });
            try {
                String first = next(lines, "id: ");
                assertNotNull(next(lines, "data: "));

                node.center.login(agent.id(), device);

                String second = next(lines, "id: ");
                String data = next(lines, "data: ");
                assertNotEquals(first, second);
                assertTrue(data.contains("\"device\":\"" + device + "\""), data);
            } finally {
                reader.interrupt();
            }
        }
    }

    /** The next line starting with {@code prefix}, within the test's patience. */
    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Pages.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) return line.substring(prefix.length());
        }
        throw new AssertionError("no '" + prefix + "' line within " + Pages.PATIENCE);
    }
}
