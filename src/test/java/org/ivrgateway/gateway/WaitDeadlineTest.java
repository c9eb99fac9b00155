package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.Result;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Waits keep their deadline (docs/RELIABILITY.md): 2,000 QueryCallStatus waits with Timeout 5000 sent at once
 * to one node with the default pool all answer -701, and each answers soon after its Timeout — a wait holds
 * no connection while parked and reads nothing when its time is up, so 2,000 waits ending together do not
 * queue for connections. A measurement, not part of the suite: run with {@code -Divr.measure=true} (and
 * {@code -Divr.test.poolSize=N} for another pool size); it prints the lateness of the answers, the figure in
 * docs/RELIABILITY.md, and asserts only that every wait answers -701 and none before its Timeout.
 */
@EnabledIfSystemProperty(named = "ivr.measure", matches = "true")
class WaitDeadlineTest {
    private static final int WAITS = 2000;
    private static final int TIMEOUT_MILLIS = 5000;

    @BothDatabases
    void twoThousandWaitsAnswerSoonAfterTheirTimeout(TestDatabase test) throws Exception {
        int poolSize = Integer.getInteger("ivr.test.poolSize", Database.DEFAULT_POOL_SIZE);
        CenterConfig config = LiveCenter.config(1, TIMEOUT_MILLIS);
        try (Database db = Database.open(test.url(), test.user(), "", poolSize);
             ContactCenter center = new ContactCenter(db, config, Clock.systemUTC()).start();
             GatewayServer server = GatewayServer.start(center)) {
            List<String[]> calls = queueCalls(center);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            List<CompletableFuture<Long>> waits = new ArrayList<>();
            for (String[] call : calls) {
                String body = SubdialogClient.form(Map.of("SessionID", call[0], "CallID", call[1], "Timeout", TIMEOUT_MILLIS));
                long sent = System.nanoTime();
                waits.add(http.sendAsync(SubdialogClient.post(server.base().resolve("xml/QueryCallStatus"), body)
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                        .thenApply(r -> {
                            assertEquals(200, r.statusCode(), r.body());
                            assertTrue(r.body().contains("<ReturnCode>-701</ReturnCode>"), r.body());
                            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) - TIMEOUT_MILLIS;
                        }));
            }
            long[] late = new long[WAITS];
            for (int i = 0; i < WAITS; i++) late[i] = waits.get(i).get(120, TimeUnit.SECONDS);
            Arrays.sort(late);
            String figures = test.kind() + ", pool " + poolSize + ": " + WAITS + " waits of " + TIMEOUT_MILLIS
                    + " ms answered after their Timeout by: median " + late[WAITS / 2] + " ms, p99 " + late[WAITS * 99 / 100]
                    + " ms, max " + late[WAITS - 1] + " ms (min " + late[0] + " ms)";
            System.out.println("WaitDeadlineTest " + figures);
            assertTrue(late[0] >= -50, "no wait answers before its Timeout: " + figures);
        }
    }

    /** 2,000 unmonitored calls queued in Sales with no agent, each in its own session: {sessionId, callId}. */
    private static List<String[]> queueCalls(ContactCenter center) throws Exception {
        List<Future<String[]>> made = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(4)) {
            for (int port = 1; port <= WAITS; port++) {
                int p = port;
                made.add(setup.submit(() -> {
                    String session = center.initialize("10.0.0.1", String.valueOf(p), "6000@localhost", 120_000).string("SessionID");
                    center.setCallInfo(session, "41655" + p, "69030");
                    String callId = center.queryCallInfo(session, LiveCenter.IVR_DEVICE, "1").string("CallID");
                    Result queued = center.enqueue(session, callId, 1, LiveCenter.QUEUE, 10, null, null);
                    assertEquals(0, queued.returnCode(), () -> "enqueue: " + queued);
                    return new String[] {session, callId};
                }));
            }
            List<String[]> calls = new ArrayList<>();
            for (Future<String[]> f : made) calls.add(f.get());
            return calls;
        }
    }
}
