package org.ivrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Waits keep their deadline ({@code ./ivr bench --waits 2000}, docs/RELIABILITY.md): a gateway in a JVM of
 * its own, {@code waits} calls queued with nobody to answer them, each in its own API session, then one
 * {@code QueryCallStatus} with {@code Timeout} per call, all sent at once over their own connections. Every
 * answer must be -701 (still queued); its lateness is the time from sending it to reading the answer, minus
 * the Timeout. A first round, not counted, warms the server up and opens the connections the measured
 * round then reuses (a VoiceXML browser keeps its connections alive): every call waits once with a Timeout
 * of at most 1 s. Prints and writes the lateness distribution (min, p50, p99, max) and the answers that
 * were not -701; an answer more than 50 ms before its Timeout counts as "early".
 */
@Command(name = "bench --waits", mixinStandardHelpOptions = true,
        description = "Lateness of N concurrent QueryCallStatus waits past their Timeout.")
public final class WaitLateness implements Callable<Integer> {

    @Option(names = "--waits", description = "concurrent waits (default: ${DEFAULT-VALUE})")
    int waits = 2_000;
    @Option(names = "--timeout", description = "QueryCallStatus Timeout, ms (default: ${DEFAULT-VALUE})")
    int timeout = 5_000;
    @Option(names = "--db", description = "h2 (file, default), h2mem, postgres (embedded) or a JDBC URL")
    String db = "h2";
    @Option(names = "--pool", description = "the server's database.poolSize (default: the server's default)")
    Integer pool;
    @Option(names = "--server-jvm", split = " ", description = "options of the server's JVM (default: ${DEFAULT-VALUE})")
    List<String> serverJvm = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC"));
    @Option(names = "--profile", description = "a flight recording of the server during the measured round, summarized")
    boolean profile;
    @Option(names = "--out", description = "where runs are written (default: ${DEFAULT-VALUE})")
    Path out = Path.of("bench-results");

    /** The measured round's figures, for callers in the same JVM. */
    Figures result;
    private String cpu = "";
    private Figures floor;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WaitLateness()).execute(args));
    }

    /**
     * The lateness of each -701, sorted; how long the round took to send every wait (first to last send) and
     * to read every answer (first to last answer): a lateness that comes from sending shows in the first, one
     * that comes from answering 2,000 waits at once in the second.
     */
    record Figures(long[] lateMillis, Map<String, Integer> otherAnswers, long sendSpreadMillis, long answerSpreadMillis,
                   long serverCpuNanos) {
        Figures(long[] lateMillis, Map<String, Integer> otherAnswers, long sendSpreadMillis, long answerSpreadMillis) {
            this(lateMillis, otherAnswers, sendSpreadMillis, answerSpreadMillis, -1);
        }

        Figures withServerCpu(long nanos) {
            return new Figures(lateMillis, otherAnswers, sendSpreadMillis, answerSpreadMillis, nanos);
        }

        long at(double quantile) {
            return lateMillis[Math.min(lateMillis.length - 1, (int) (lateMillis.length * quantile))];
        }

        String line() {
            return lateMillis.length == 0 ? "no answers" : String.format(
                    "late by min %d ms, p50 %d ms, p99 %d ms, max %d ms; sent over %d ms, answered over %d ms;"
                            + " answers other than -701: %s",
                    lateMillis[0], at(0.5), at(0.99), lateMillis[lateMillis.length - 1], sendSpreadMillis,
                    answerSpreadMillis, otherAnswers.isEmpty() ? "none" : otherAnswers)
                    + (serverCpuNanos < 0 ? "" : String.format("; CPU of the round: server %.2f s", serverCpuNanos / 1e9));
        }
    }

    @Override
    public Integer call() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Files.createDirectories(out.resolve("waits-" + (db.startsWith("jdbc:") ? "jdbc" : db) + "-" + stamp));
        List<String> jvm = new ArrayList<>(serverJvm);
        if (pool != null) jvm.add("-D" + GatewayLauncher.POOL_SIZE_PROPERTY + "=" + pool);
        int warmup = Math.max(1, waits / 10);
        int warmupTimeout = Math.min(timeout, 1_000);
        String load = loadAverage();
        try (ForkedServer server = new ForkedServer(db, waits + warmup, 0, jvm, dir.resolve("server.log"))) {
            HttpPool http = new HttpPool(server.gateway(), waits + 64, timeout + 120_000);
            try {
                List<String[]> calls = queue(http, 0, waits + warmup);
                System.out.printf("%d calls queued on %s (pool %s)%n", calls.size(), server.databaseKind(),
                        pool == null ? "default" : pool);
                Figures warm = waitAll(http, calls, warmupTimeout);
                System.out.println("warm-up round of " + calls.size() + " waits of " + warmupTimeout + " ms: " + warm.line());
                if (profile) server.startProfile("waits");
                long serverCpu = ProcessCpu.tree(server.pid());
                long ownCpu = ProcessCpu.self();
                // The server's CPU up to 100 ms before the waits end (their first reads), read on the side.
                long[] beforeEnd = {-1};
                Thread sampler = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(Math.max(0, timeout - 100));
                        beforeEnd[0] = ProcessCpu.tree(server.pid());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                result = waitAll(http, calls.subList(0, waits), timeout);
                sampler.join();
                long serverEnd = ProcessCpu.tree(server.pid());
                // CPU seconds of the round, which a loaded machine does not change much, beside its wall-clock lateness.
                cpu = String.format("CPU of the measured round: server %.2f s (its database included; %.2f s of it"
                                + " from 100 ms before the waits end), generator %.2f s",
                        (serverEnd - serverCpu) / 1e9, beforeEnd[0] < 0 ? Double.NaN : (serverEnd - beforeEnd[0]) / 1e9,
                        (ProcessCpu.self() - ownCpu) / 1e9);
                if (profile) System.out.println(server.stopProfile(dir.resolve("jfr").toString()));
                floor = bareJetty(server, calls.subList(0, waits), timeout);
            } finally {
                http.close();
            }
            String report = String.format("%s, pool %s, %d waits of Timeout %d ms (load average %s at start, %s at end): %s; %s%n"
                            + "the same round against bare Jetty in the server's JVM (it holds each request for its Timeout"
                            + " and answers one fixed -701 document): %s%n",
                    server.databaseKind(), pool == null ? "default" : pool, waits, timeout, load, loadAverage(), result.line(), cpu,
                    floor.line());
            System.out.print(report);
            Files.writeString(dir.resolve("waits.txt"), report);
        }
        return result.otherAnswers().isEmpty() ? 0 : 1;
    }

    /**
     * The floor: the same round (a warm-up, then every wait at once, each on its own connection) against the
     * baseline server, which holds each request for its {@code HoldMillis} from its arrival and answers a
     * fixed -701 document — the HTTP part of the cost alone, on the same machine, with the same generator.
     */
    private static Figures bareJetty(ForkedServer server, List<String[]> calls, int timeout) throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vxml version=\"2.1\" xmlns=\"http://www.w3.org/2001/vxml\">"
                + "<form id=\"result\"><var name=\"ReturnCode\" expr=\"-701\"/><block><return namelist=\"ReturnCode\"/>"
                + "</block></form></vxml>\n";
        java.net.URI base = server.startBaseline(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpPool http = new HttpPool(base, calls.size() + 64, timeout + 120_000);
        try {
            waitAll(http, calls, Math.min(timeout, 1_000), StaticDocumentServer.HOLD_MILLIS);
            long cpu = ProcessCpu.tree(server.pid());
            Figures f = waitAll(http, calls, timeout, StaticDocumentServer.HOLD_MILLIS);
            return f.withServerCpu(ProcessCpu.tree(server.pid()) - cpu);
        } finally {
            http.close();
            server.stopBaseline();
        }
    }

    /** Queues calls {@code from}..{@code to}-1 (offer, Initialize, QueryCallInfo, Enqueue): {session, callId} each. */
    private static List<String[]> queue(HttpPool http, int from, int to) throws Exception {
        Recorder setupRecorder = new Recorder();
        IvrClient client = new IvrClient(http, () -> setupRecorder);
        List<Future<String[]>> made = new ArrayList<>();
        try (ExecutorService setup = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore inFlight = new Semaphore(16);
            for (int port = from; port < to; port++) {
                int p = port;
                made.add(setup.submit(() -> {
                    inFlight.acquire();
                    try {
                        return queueOne(client, p);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<String[]> calls = new ArrayList<>();
            for (Future<String[]> f : made) calls.add(f.get());
            return calls;
        }
    }

    private static String[] queueOne(IvrClient client, int port) {
        String device = Devices.ivrDevice(port);
        String offered = client.rest("offer", "/api/telephony/offer",
                "{\"device\":\"" + device + "\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}");
        if (offered == null) throw new IllegalStateException("offer at " + device + " failed");
        String session = expect(client.call("Initialize", "LocalPort", Devices.localPort(port),
                "AdminServerName", "6000@localhost", "RpcTimeout", "600000"), "Initialize").get("SessionID");
        String callId = expect(client.call("QueryCallInfo", "SessionID", session, "Device", device), "QueryCallInfo")
                .get("CallID");
        expect(client.call("Enqueue", "SessionID", session, "CallID", callId, "IVRHold", "1", "QueueName",
                Devices.QUEUE, "InitialPriority", "1", "Description", "bench", "ANIDNIS", "4165550100;69030"), "Enqueue");
        return new String[] {session, callId};
    }

    private static ResultDocument expect(ResultDocument doc, String function) {
        if (doc == null || doc.returnCode() != 0) {
            throw new IllegalStateException(function + " answered " + (doc == null ? "nothing" : doc.values()));
        }
        return doc;
    }

    /** One QueryCallStatus wait per call, all at once, each on a thread and a connection of its own. */
    private static Figures waitAll(HttpPool http, List<String[]> calls, int timeout) throws Exception {
        return waitAll(http, calls, timeout, "Timeout");
    }

    /** The same, the Timeout sent under {@code timeoutName}. */
    private static Figures waitAll(HttpPool http, List<String[]> calls, int timeout, String timeoutName) throws Exception {
        List<Future<Object>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] call : calls) {
                answers.add(clients.submit(() -> {
                    String body = IvrClient.form("SessionID", call[0], "CallID", call[1], timeoutName,
                            Integer.toString(timeout));
                    long sent = System.nanoTime();
                    HttpPool.Response r;
                    try {
                        r = http.post("/vxml/QueryCallStatus", "application/x-www-form-urlencoded", body);
                    } catch (IOException e) {
                        return e.getClass().getSimpleName();
                    }
                    long received = System.nanoTime();
                    long late = TimeUnit.NANOSECONDS.toMillis(received - sent) - timeout;
                    if (r.status() != 200) return "HTTP " + r.status();
                    Integer rc = ResultDocument.parse(r.body()).returnCode();
                    if (rc == null || rc != -701) return "ReturnCode " + rc;
                    return late < -50 ? "early" : (Object) new long[] {late, sent, received};
                }));
            }
        }
        List<Long> late = new ArrayList<>();
        Map<String, Integer> other = new TreeMap<>();
        long firstSent = Long.MAX_VALUE, lastSent = Long.MIN_VALUE, firstAnswer = Long.MAX_VALUE, lastAnswer = Long.MIN_VALUE;
        for (Future<Object> f : answers) {
            Object a = f.get();
            if (a instanceof long[] l) {
                late.add(l[0]);
                firstSent = Math.min(firstSent, l[1]);
                lastSent = Math.max(lastSent, l[1]);
                firstAnswer = Math.min(firstAnswer, l[2]);
                lastAnswer = Math.max(lastAnswer, l[2]);
            } else {
                other.merge((String) a, 1, Integer::sum);
            }
        }
        long[] sorted = late.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return late.isEmpty() ? new Figures(sorted, other, 0, 0) : new Figures(sorted, other,
                TimeUnit.NANOSECONDS.toMillis(lastSent - firstSent), TimeUnit.NANOSECONDS.toMillis(lastAnswer - firstAnswer));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
