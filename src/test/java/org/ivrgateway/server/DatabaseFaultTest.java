package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stopped under load and started again (docs/RELIABILITY.md): while it is down, the IVR API
 * answers -801 (or -701 when a deadline passes first) and REST 503, never -305, 500 or the driver's text;
 * when it is back the node serves again by itself. PostgreSQL only: it is the database that runs as a
 * server of its own (this test starts its own, so that the one the other tests share stays up).
 */
@Slow
class DatabaseFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> IVR_ANSWERS = Set.of(0, -801, -701);
    private static final Set<Integer> REST_ANSWERS = Set.of(200, 503, 504);
    private static final List<String> DRIVER_WORDS = List.of("FATAL", "terminating", "Connection", "postgres",
            "PSQL", "SQL", "Exception", "refused");

    private final RawGatewayClient client = new RawGatewayClient();

    @Test
    void stoppedPostgresIs801And503ThenTheNodeRecoversByItself(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres pg = start(port, data);
        CenterConfig config = TestNode.loadConfig("centers/test-center.yaml");
        Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", 8);
        Node node = Node.start("127.0.0.1", 0, db, config, Clock.systemUTC());
        try {
            URI base = node.uri();
            JsonNode init = ivr(base, "Initialize", Map.of("LocalPort", "1", "AdminServerName", "6000@localhost",
                    "RpcTimeout", "10000"));
            String session = init.path("SessionID").asText();
            assertEquals(0, ivr(base, "SetCallInfo", Map.of("SessionID", session, "ANI", "4165550100", "DNIS", "69031"))
                    .path("ReturnCode").asInt());
            String callId = ivr(base, "QueryCallInfo", Map.of("SessionID", session, "Device", "1",
                    "TrunkConnectedIVRCall", "1")).path("CallID").asText();
            assertEquals(200, post(base, "api/agents/790006/login", "{\"device\":\"5001\"}").statusCode());

            Map<Integer, AtomicInteger> ivrCodes = new ConcurrentHashMap<>();
            Map<Integer, AtomicInteger> restStatuses = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger n = new AtomicInteger();
            List<Thread> load = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                load.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        try {
                            JsonNode r = ivr(base, "SetContactData", Map.of("SessionID", session, "CallID", callId,
                                    "Key", "k" + (n.incrementAndGet() % 50), "Value", "v"));
                            int code = r.path("ReturnCode").asInt();
                            ivrCodes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                            if (!IVR_ANSWERS.contains(code) || mentionsDriver(r.path("detail").asText(""))) wrong.add("ivr " + r);
                            HttpResponse<String> state = post(base, "api/agents/790006/state",
                                    "{\"state\":\"" + (n.get() % 2 == 0 ? "AVAILABLE" : "UNAVAILABLE") + "\"}");
                            HttpResponse<String> calls = get(base, "api/calls?limit=10");
                            for (HttpResponse<String> a : List.of(state, calls)) {
                                restStatuses.computeIfAbsent(a.statusCode(), c -> new AtomicInteger()).incrementAndGet();
                                if (!REST_ANSWERS.contains(a.statusCode()) || (a.statusCode() != 200 && mentionsDriver(a.body()))) {
                                    wrong.add("rest " + a.statusCode() + " " + a.body());
                                }
                            }
                        } catch (IOException e) {
                            wrong.add("no answer: " + e);
                        }
                    }
                }));
            }
            Thread.sleep(1_000);
            pg.close(); // the database goes away under the load
            long down = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(ivrCodes.containsKey(-801) && restStatuses.containsKey(503)) && System.nanoTime() < down) {
                Thread.sleep(100);
            }
            assertTrue(ivrCodes.containsKey(-801), "while it is down the IVR API answers -801: " + ivrCodes);
            assertTrue(restStatuses.containsKey(503), "while it is down REST answers 503: " + restStatuses);
            pg = start(port, data);
            Thread.sleep(3_000);
            running.set(false);
            for (Thread t : load) t.join();
            assertEquals(List.of(), List.copyOf(wrong), "IVR " + ivrCodes + ", REST " + restStatuses);

            // Back by itself: no restart of the node, every request succeeds again.
            for (int i = 0; i < 5; i++) {
                assertEquals(0, ivr(base, "SetContactData", Map.of("SessionID", session, "CallID", callId, "Key", "after",
                        "Value", "v" + i)).path("ReturnCode").asInt());
                assertEquals(200, get(base, "api/calls").statusCode());
                assertEquals(200, get(base, "health").statusCode());
            }
            System.out.println("DatabaseFaultTest: IVR " + counts(ivrCodes) + ", REST " + counts(restStatuses));
        } finally {
            node.close();
            pg.close();
        }
    }

    private static EmbeddedPostgres start(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    private static boolean mentionsDriver(String text) {
        return DRIVER_WORDS.stream().anyMatch(text::contains);
    }

    private static String counts(Map<Integer, AtomicInteger> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private JsonNode ivr(URI base, String function, Map<String, String> params) throws IOException {
        HttpResponse<String> r = client.ivrAnswer(base, function, params);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(URI base, String path, String json) throws IOException {
        return client.post(base, path, json);
    }

    private HttpResponse<String> get(URI base, String path) throws IOException {
        return client.get(base, path);
    }
}
