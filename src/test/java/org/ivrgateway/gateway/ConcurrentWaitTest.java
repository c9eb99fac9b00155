package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * 2,000 QueryCallStatus waits held at once by one server (docs/VXML.md, "Waiting for an agent"): the few calls an agent takes
 * answer 2 with the agent's extension, every other one -701 when its Timeout passes, and the JVM's
 * platform threads stay far below one per waiting request (requests run on virtual threads). H2 only.
 */
class ConcurrentWaitTest {
    private static final int WAITS = 2000;
    private static final int AGENTS = 20;
    private static final int BATCH = 100;
    /** Long enough for 2,000 connections to be accepted on a loaded 2-core machine before the first wait ends. */
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int THREAD_BOUND = 400;

    @Test
    void twoThousandWaitsReturnOnTheirChangeOrAtTheirTimeoutWithBoundedThreads() throws Exception {
        try (TestDatabase db = TestDatabases.h2();
             LiveCenter live = LiveCenter.start(db, LiveCenter.config(AGENTS, TIMEOUT_MILLIS), null)) {
            List<String[]> calls = queueCalls(live);
            SubdialogClient browser = live.browser(false);
            List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long parkedDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS - 5_000);
            // In batches, as ports would ask, rather than 2,000 first reads at once on an 8-connection pool.
            for (int start = 0; start < WAITS; start += BATCH) {
                for (String[] call : calls.subList(start, Math.min(WAITS, start + BATCH))) {
                    waits.add(send(browser, live, call));
                }
                while (live.server.activeRequests() < waits.size() && System.nanoTime() < parkedDeadline) {
                    assertTrue(threads.getThreadCount() < THREAD_BOUND, "platform threads: " + threads.getThreadCount());
                    waits.stream().filter(CompletableFuture::isDone).findFirst()
                            .ifPresent(w -> fail("a wait returned before any change: " + w.join().body()));
                    Thread.sleep(10);
                }
            }
            assertEquals(WAITS, live.server.activeRequests(), "all waits must be held by the server at once");
            assertTrue(waits.stream().noneMatch(CompletableFuture::isDone), "no wait may have returned yet");
            int held = threads.getThreadCount();
            assertTrue(held < THREAD_BOUND, "platform threads while " + WAITS + " waits are parked: " + held);

            for (int n = 1; n <= AGENTS; n++) {
                live.center.login(LiveCenter.agentId(n), LiveCenter.agentDevice(n));
                live.center.changeState(LiveCenter.agentId(n), AgentStatus.AVAILABLE);
            }
            Map<Integer, Integer> byCode = new HashMap<>();
            List<String> extensions = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> wait : waits) {
                Map<String, Object> r = SubdialogClient.document(wait.get(TIMEOUT_MILLIS * 3L, TimeUnit.MILLISECONDS))
                        .document().evaluate("return", Map.of());
                byCode.merge((Integer) r.get("ReturnCode"), 1, Integer::sum);
                if ((Integer) r.get("ReturnCode") == 2) extensions.add((String) r.get("Extension"));
            }
            assertEquals(Map.of(2, AGENTS, -701, WAITS - AGENTS), byCode);
            assertEquals(AGENTS, extensions.stream().distinct().count(), "each agent takes one call: " + extensions);
            assertTrue(extensions.stream().allMatch(e -> e.matches("5\\d{3}")), extensions::toString);
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(SubdialogClient browser, LiveCenter live, String[] call) {
        String body = SubdialogClient.form(Map.of("SessionID", call[0], "CallID", call[1], "Timeout", TIMEOUT_MILLIS));
        return browser.http().sendAsync(SubdialogClient.post(live.server.base().resolve("vxml/QueryCallStatus"), body)
                        .timeout(java.time.Duration.ofMillis(TIMEOUT_MILLIS * 3L)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** 2,000 unmonitored calls queued in Sales, each in its own session: {sessionId, callId}. */
    private static List<String[]> queueCalls(LiveCenter live) throws Exception {
        List<Future<String[]>> made = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(4)) {
            for (int port = 1; port <= WAITS; port++) {
                int p = port;
                made.add(setup.submit(() -> {
                    Result init = live.center.initialize("10.0.0.1", String.valueOf(p), "6000@localhost", 120_000);
                    String session = init.string("SessionID");
                    live.center.setCallInfo(session, "41655" + p, "69030");
                    String callId = live.center.queryCallInfo(session, LiveCenter.IVR_DEVICE, "1").string("CallID");
                    Result queued = live.center.enqueue(session, callId, 1, LiveCenter.QUEUE, 10, null, null);
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
