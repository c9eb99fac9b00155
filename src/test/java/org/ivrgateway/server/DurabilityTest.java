package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.Slow;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost when the JVM dies (docs/RELIABILITY.md): a gateway in a JVM of its own takes
 * writes of every kind — offers over REST, Initialize (sessions), SetContactData, CreateCallback, agent state
 * changes — from concurrent clients that record each write answered with success; at a random moment it is
 * killed with SIGKILL, started again on the same database (an H2 file; a PostgreSQL that stays up), and every
 * acknowledged write must be there.
 */
@Slow
class DurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SCHEDULE = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");
    private static final int TORONTO = -300;
    private static final String[] AGENTS = {"790006", "790007"};
    private static final String[] AGENT_DEVICES = {"5001", "5002"};
    private static final int KEYS_PER_CALL = 20;

    private final RawGatewayClient client = new RawGatewayClient();

    private record ContactDatum(String session, String callId, String key, String value) {
    }

    private record Callback(String session, String callbackId) {
    }

    @BothDatabases
    void everyAcknowledgedWriteSurvivesKill9(TestDatabase test, @TempDir Path dir) throws Exception {
        boolean h2 = test.kind().equals("H2");
        String db = h2 ? "jdbc:h2:file:" + dir.resolve("gateway").toAbsolutePath() : test.url();
        Path config = dir.resolve("center.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("centers/test-center.yaml")) {
            Files.writeString(config, org.ivrgateway.testing.TestAccess.withAccess(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        Path log = dir.resolve("gateway.log");
        long seed = System.nanoTime();
        Random random = new Random(seed);

        ConcurrentLinkedQueue<String> offers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> sessions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ContactDatum> contactData = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Callback> callbacks = new ConcurrentLinkedQueue<>();
        Map<String, String[]> agentStates = new java.util.concurrent.ConcurrentHashMap<>(); // {acked, in flight}
        AtomicInteger counter = new AtomicInteger(1000);
        AtomicBoolean running = new AtomicBoolean(true);

        URI base;
        try (ForkedGateway gateway = new ForkedGateway(config, db, h2 ? null : test.user(), log)) {
            base = gateway.base();
            for (int i = 0; i < AGENTS.length; i++) {
                assertEquals(200, post(base, "api/agents/" + AGENTS[i] + "/login", "{\"device\":\"" + AGENT_DEVICES[i] + "\"}").statusCode());
                agentStates.put(AGENTS[i], new String[] {"UNAVAILABLE", "UNAVAILABLE"});
            }
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(Thread.ofVirtual().start(() -> offerLoop(base, running, counter, offers)));
                writers.add(Thread.ofVirtual().start(() -> scriptLoop(base, running, counter, sessions, contactData, callbacks)));
            }
            for (String agent : AGENTS) {
                writers.add(Thread.ofVirtual().start(() -> agentLoop(base, running, agent, agentStates)));
            }
            // Kill at a random moment once every kind of write has been acknowledged at least once (bounded:
            // a loaded machine may take a while to get the first callback through).
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while ((offers.isEmpty() || sessions.isEmpty() || contactData.isEmpty() || callbacks.isEmpty())
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            Thread.sleep(500 + random.nextInt(3_000));
            gateway.kill();
            running.set(false);
            for (Thread t : writers) t.join();
        }
        int acknowledged = offers.size() + sessions.size() + contactData.size() + callbacks.size();
        assertTrue(offers.size() > 0 && sessions.size() > 0 && contactData.size() > 0 && callbacks.size() > 0,
                "writes of every kind before the kill: " + acknowledged + " (seed " + seed + ")");

        try (ForkedGateway again = new ForkedGateway(config, db, h2 ? null : test.user(), log)) {
            URI after = again.base();
            List<String> lost = new ArrayList<>();
            for (String callId : offers) {
                if (get(after, "api/calls/" + callId).statusCode() != 200) lost.add("offer " + callId);
            }
            for (String session : sessions) {
                // SetCallInfo needs nothing but the session: -304 when it is gone.
                int code = ivr(after, "SetCallInfo", Map.of("SessionID", session, "ANI", "4165550000", "DNIS", "69030"))
                        .path("ReturnCode").asInt();
                if (code == -304) lost.add("session " + session);
            }
            for (ContactDatum d : contactData) {
                JsonNode r = ivr(after, "GetContactData", Map.of("SessionID", d.session(), "CallID", d.callId(), "Key", d.key()));
                if (r.path("ReturnCode").asInt() != 0 || !d.value().equals(r.path("Value").asText())) {
                    lost.add("contact data " + d + ": " + r);
                }
            }
            for (Callback c : callbacks) {
                JsonNode r = ivr(after, "DeleteCallback", Map.of("SessionID", c.session(), "CallbackID", c.callbackId()));
                if (r.path("ReturnCode").asInt() != 0) lost.add("callback " + c + ": " + r);
            }
            for (Map.Entry<String, String[]> e : agentStates.entrySet()) {
                String status = JSON.readTree(get(after, "api/agents/" + e.getKey()).body()).path("status").asText();
                if (!status.equals(e.getValue()[0]) && !status.equals(e.getValue()[1])) {
                    lost.add("agent " + e.getKey() + " is " + status + ", acknowledged " + e.getValue()[0]);
                }
            }
            String figures = test.kind() + ": acknowledged before SIGKILL: " + offers.size() + " offers, "
                    + sessions.size() + " sessions, " + contactData.size() + " SetContactData, " + callbacks.size()
                    + " callbacks, agent states " + agentStates.entrySet().stream().map(e -> e.getKey() + "="
                    + e.getValue()[0]).collect(Collectors.joining(",")) + "; lost: " + lost.size() + " (seed " + seed + ")";
            System.out.println("DurabilityTest " + figures);
            assertEquals(List.of(), lost, figures);
        }
    }

    private void offerLoop(URI base, AtomicBoolean running, AtomicInteger counter, ConcurrentLinkedQueue<String> acked) {
        int n = 0;
        while (running.get()) {
            String body = "{\"device\":\"3620" + (n++ % 4) + "\",\"ani\":\"41655" + counter.incrementAndGet()
                    + "\",\"dnis\":\"69030\"}";
            try {
                HttpResponse<String> r = post(base, "api/telephony/offer", body);
                if (r.statusCode() == 201) acked.add(JSON.readTree(r.body()).path("callId").asText());
            } catch (IOException killed) {
                return;
            }
        }
    }

    private void scriptLoop(URI base, AtomicBoolean running, AtomicInteger counter, ConcurrentLinkedQueue<String> sessions,
                            ConcurrentLinkedQueue<ContactDatum> contactData, ConcurrentLinkedQueue<Callback> callbacks) {
        try {
            while (running.get()) {
                int n = counter.incrementAndGet();
                JsonNode init = ivr(base, "Initialize", Map.of("LocalPort", String.valueOf(n % 32000 + 1),
                        "AdminServerName", "6000@localhost", "RpcTimeout", "10000"));
                if (init.path("ReturnCode").asInt() != 0) continue;
                String session = init.path("SessionID").asText();
                sessions.add(session);
                String caller = "416555" + n;
                if (ivr(base, "SetCallInfo", Map.of("SessionID", session, "ANI", caller, "DNIS", "69031"))
                        .path("ReturnCode").asInt() != 0) continue;
                JsonNode info = ivr(base, "QueryCallInfo", Map.of("SessionID", session, "Device", "1",
                        "TrunkConnectedIVRCall", "1"));
                if (info.path("ReturnCode").asInt() != 0) continue;
                String callId = info.path("CallID").asText();
                for (int k = 0; k < KEYS_PER_CALL && running.get(); k++) {
                    String value = "value " + k + " of " + callId;
                    JsonNode set = ivr(base, "SetContactData", Map.of("SessionID", session, "CallID", callId,
                            "Key", "k" + k, "Value", value));
                    if (set.path("ReturnCode").asInt() == 0) contactData.add(new ContactDatum(session, callId, "k" + k, value));
                }
                LocalDateTime local = LocalDateTime.now(ZoneOffset.ofTotalSeconds(TORONTO * 60));
                String schedule = caller + ";" + SCHEDULE.format(local.plusHours(1)) + ";" + SCHEDULE.format(local.plusHours(3));
                JsonNode cb = ivr(base, "CreateCallback", Map.of("SessionID", session, "CallID", callId,
                        "QueueName", "CBQueue", "TimeZoneOffset", String.valueOf(TORONTO), "ContactName", "Caller " + n,
                        "Schedule1", schedule));
                if (cb.path("ReturnCode").asInt() == 0) callbacks.add(new Callback(session, cb.path("CallbackID").asText()));
            }
        } catch (IOException killed) {
            // the gateway is gone
        }
    }

    private void agentLoop(URI base, AtomicBoolean running, String agent, Map<String, String[]> states) {
        boolean available = false;
        while (running.get()) {
            available = !available;
            String state = available ? "AVAILABLE" : "UNAVAILABLE";
            String acked = states.get(agent)[0];
            states.put(agent, new String[] {acked, state});
            try {
                HttpResponse<String> r = post(base, "api/agents/" + agent + "/state", "{\"state\":\"" + state + "\"}");
                if (r.statusCode() == 200) states.put(agent, new String[] {state, state});
            } catch (IOException killed) {
                return;
            }
        }
    }

    private JsonNode ivr(URI base, String function, Map<String, String> params) throws IOException {
        return client.ivr(base, function, params);
    }

    private HttpResponse<String> post(URI base, String path, String json) throws IOException {
        return client.post(base, path, json);
    }

    private HttpResponse<String> get(URI base, String path) throws IOException {
        return client.get(base, path);
    }
}
