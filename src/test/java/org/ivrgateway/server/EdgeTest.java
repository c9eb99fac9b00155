package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.ivrgateway.core.ContactCenter;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What a client cannot do to a node (docs/RELIABILITY.md): TRACE is refused everywhere, slow clients that
 * trickle their headers are closed while /health keeps answering, and CPU-bound work on every carrier of the
 * virtual threads does not stop /health. Isolated: while that work holds every carrier of the JVM, another
 * test's server would refuse its new calls (docs/RELIABILITY.md, "Admission control").
 */
@Isolated
class EdgeTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void traceIsRefusedOnEveryPathAndEchoesNothing() throws Exception {
        try (TestDatabase db = TestDatabases.h2(); TestNode node = TestNode.start(db)) {
            URI base = node.rest().base();
            for (String path : List.of("/health", "/vxml/Initialize", "/api/calls", "/console/wallboard",
                    "/console/static/console.css", "/samples/", "/nowhere")) {
                String answer = exchange(base, "TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Cookie: IVRSESSION=secret-cookie-value\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 405 "), path + ": " + answer);
                assertTrue(answer.contains("Allow: " + EdgeHandler.ALLOWED), path + ": " + answer);
                assertFalse(answer.contains("secret-cookie-value"), path + ": " + answer);
            }
        }
    }

    @Test
    void slowClientsAreClosedWhileHealthKeepsAnswering() throws Exception {
        CenterConfig config = TestNode.loadConfig("centers/test-center.yaml");
        int limit = 40;
        int slow = 60; // more than the limit: the rest wait in the backlog until slots free
        try (TestDatabase test = TestDatabases.h2()) {
            org.ivrgateway.store.Database db = test.open();
            ContactCenter center = new ContactCenter(db, config, Clock.systemUTC());
            center.start();
            Server server = ServerFactory.newServer("127.0.0.1", 0, center, config, db, Clock.systemUTC(),
                    new ServerFactory.Limits(limit, Duration.ofSeconds(1)));
            server.start();
            List<Socket> sockets = new ArrayList<>();
            AtomicBoolean trickle = new AtomicBoolean(true);
            try {
                URI base = ServerFactory.uri(server);
                for (int i = 0; i < slow; i++) {
                    Socket s = new Socket(base.getHost(), base.getPort());
                    s.setSoTimeout(50);
                    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    sockets.add(s);
                }
                Thread trickler = Thread.ofPlatform().daemon().start(() -> {
                    while (trickle.get()) {
                        for (Socket s : sockets) {
                            try {
                                s.getOutputStream().write('a');
                            } catch (IOException closed) {
                                // closed by the server: what the test wants
                            }
                        }
                        sleep(200);
                    }
                });
                HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("health"))
                            .timeout(CLIENT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, health.statusCode(), health.body());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int open = slow;
                while (open > 0 && System.nanoTime() < deadline) {
                    open = 0;
                    for (Socket s : sockets) {
                        if (!closedByServer(s)) open++;
                    }
                    sleep(100);
                }
                assertEquals(0, open, "slow connections still open after 30 s");
                trickle.set(false);
                trickler.join();
            } finally {
                trickle.set(false);
                for (Socket s : sockets) s.close();
                server.stop();
                center.close();
            }
        }
    }

    @Test
    void healthAnswersWhileCpuBoundWorkHoldsEveryCarrier() throws Exception {
        try (TestDatabase db = TestDatabases.h2(); TestNode node = TestNode.start(db)) {
            assertEquals(200, node.rest().get("/health").status());
            int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                    Runtime.getRuntime().availableProcessors());
            AtomicBoolean spin = new AtomicBoolean(true);
            CountDownLatch spinning = new CountDownLatch(carriers);
            List<Thread> spinners = new ArrayList<>();
            try {
                for (int i = 0; i < carriers; i++) {
                    spinners.add(Thread.ofVirtual().start(() -> {
                        spinning.countDown();
                        long x = 0;
                        while (spin.get()) x++; // never parks: holds its carrier, as a CPU-bound request does
                        if (x == 42) System.out.print("");
                    }));
                }
                assertTrue(spinning.await(10, TimeUnit.SECONDS));
                HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(node.rest().base().resolve("health"))
                        .timeout(CLIENT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
            } finally {
                spin.set(false);
                for (Thread t : spinners) t.join();
            }
        }
    }

    /** True once the server closed the socket (end of stream or reset); false while it is still open. */
    private static boolean closedByServer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) return true; // an error page then the end is closed too
            }
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String exchange(URI base, String request) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout((int) CLIENT_TIMEOUT.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
