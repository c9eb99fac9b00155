package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.ivrgateway.testing.TestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Admission at the HTTP edge (docs/RELIABILITY.md, "Admission control"): while every thread of requests is
 * held by CPU-bound work, requests that start a new call are answered at once (-701, or 503 on REST)
 * instead of joining the queue for a thread; the requests admitted before are answered once threads are
 * free, and new calls are admitted again when the queue has drained. Isolated: while it holds every carrier
 * of the JVM's virtual threads, another test's server would judge its own queue standing.
 */
@Isolated
class EdgeAdmissionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern RETURN_CODE = Pattern.compile("<var name=\"ReturnCode\" expr=\"(-?\\d+)\"/>");
    private static final String OFFER = "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Test
    void newCallsAreRefusedAtOnceWhileEveryThreadIsHeldAndAdmittedAgainAfter() throws Exception {
        try (TestDatabase db = TestDatabases.h2(); TestNode node = TestNode.start(db)) {
            URI base = node.uri();
            assertEquals(0, returnCode(http.send(initialize(base, 1), HttpResponse.BodyHandlers.ofString())));
            int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                    Runtime.getRuntime().availableProcessors());
            AtomicBoolean spin = new AtomicBoolean(true);
            CountDownLatch spinning = new CountDownLatch(carriers);
            List<Thread> spinners = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            HttpResponse<String> refused = null;
            HttpResponse<String> offer;
            try {
                for (int i = 0; i < carriers; i++) {
                    spinners.add(Thread.ofVirtual().start(() -> {
                        spinning.countDown();
                        long x = 0;
                        while (spin.get()) x++; // never parks: holds its carrier, as CPU-bound requests do
                        if (x == 42) System.out.print("");
                    }));
                }
                assertTrue(spinning.await(10, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                int port = 2;
                while (refused == null && System.nanoTime() < deadline) {
                    sent.add(http.sendAsync(initialize(base, port++), HttpResponse.BodyHandlers.ofString()));
                    Thread.sleep(50);
                    for (CompletableFuture<HttpResponse<String>> f : sent) {
                        if (f.isDone() && returnCode(f.join()) == -701) refused = f.join();
                    }
                }
                assertNotNull(refused, "no Initialize was refused while every thread was held");
                // Still standing: a REST offer is refused too, answered while the threads are still held.
                offer = http.send(HttpRequest.newBuilder(base.resolve("api/telephony/offer"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestAccess.ADMIN_TOKEN)
                        .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(OFFER)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } finally {
                spin.set(false);
                for (Thread t : spinners) t.join();
            }
            assertEquals(200, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/voicexml+xml"));
            assertEquals("no-cache, no-store", refused.headers().firstValue("Cache-Control").orElse(null));
            assertEquals(503, offer.statusCode(), offer.body());
            assertEquals("1", offer.headers().firstValue("Retry-After").orElse(null));
            assertTrue(offer.body().contains("\"code\":-701"), offer.body());
            // Those that joined the queue for a thread before it was judged standing are answered, not dropped.
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                int code = returnCode(f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                assertTrue(code == 0 || code == -701, "an Initialize answered " + code);
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int again = -701;
            while (again != 0 && System.nanoTime() < deadline) {
                again = returnCode(http.send(initialize(base, 30_000), HttpResponse.BodyHandlers.ofString()));
            }
            assertEquals(0, again, "new calls admitted again once the queue drained");
            assertTrue(node.rest().get("/metrics").text().contains("ivr_edge_new_calls_refused_total"));
        }
    }

    private static HttpRequest initialize(URI base, int port) {
        return HttpRequest.newBuilder(base.resolve("vxml/Initialize")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("LocalPort=" + port
                        + "&AdminServerName=6000%40localhost&RpcTimeout=10000")).build();
    }

    private static int returnCode(HttpResponse<String> answer) {
        Matcher m = RETURN_CODE.matcher(answer.body());
        if (!m.find()) throw new AssertionError("no ReturnCode in " + answer.statusCode() + " " + answer.body());
        return Integer.parseInt(m.group(1));
    }
}
