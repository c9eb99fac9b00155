package org.ivrgateway.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one phase: starts the scenario's ports (virtual threads) against a target, lets them ramp up,
 * then measures a window (a fresh {@link Recorder}, server figures before and after, one timeline line a
 * second, a flight recording of the server when asked), then stops the ports and lets their calls end.
 */
final class PhaseRunner {
    private final ServerSide server;
    private final Path out;
    private final int maxConnections;
    private final boolean profile;

    PhaseRunner(ServerSide server, Path out, int maxConnections, boolean profile) {
        this.server = server;
        this.out = out;
        this.maxConnections = maxConnections;
        this.profile = profile;
    }

    /** A phase against the gateway with its agents; {@code agents} are logged on already (or are logged on now). */
    PhaseResult gateway(String name, Scenario scenario, Agents agents, double rampSeconds, double windowSeconds)
            throws Exception {
        return gateway(name, scenario, scenario.ports(), agents, rampSeconds, windowSeconds, null);
    }

    /**
     * The overload phase: {@code overload}'s ports and rate for the window; then the ports above
     * {@code normalPorts} (spread evenly among all) start no new call, so new calls come at the normal rate
     * again, and the recovery window follows, one figure a second ({@link #lastRecovery()}).
     */
    PhaseResult overload(Scenario overload, int normalPorts, Agents agents, double rampSeconds, double windowSeconds,
                         Recovery.Settings recovery) throws Exception {
        return gateway("overload", overload, normalPorts, agents, rampSeconds, windowSeconds, recovery);
    }

    private PhaseResult gateway(String name, Scenario scenario, int normalPorts, Agents agents, double rampSeconds,
                                double windowSeconds, Recovery.Settings recovery) throws Exception {
        agents.pool.talkFor(scenario.talkMillis());
        overloadOver = false;
        List<Runnable> ports = new ArrayList<>();
        long t0 = System.nanoTime();
        long spread = scenario.cycleNanos() > 0 ? scenario.cycleNanos() : 50_000_000L;
        int n = scenario.ports();
        for (int i = 0; i < n; i++) {
            boolean stays = (long) (i + 1) * normalPorts / n > (long) i * normalPorts / n;
            ports.add(new IvrPort(i, scenario, agents.client, agents.pool, agents.recorder::get,
                    stays ? this::running : this::overloadRunning, t0 + spread * i / n, inCall));
        }
        return run(name, server.gateway(), scenario, agents.recorder, agents.client.http(), ports, rampSeconds,
                windowSeconds, agents.pool, recovery);
    }

    /** The baseline phase: the same ports replaying the same requests against the static server. */
    PhaseResult baseline(Scenario scenario, URI uri, double rampSeconds, double windowSeconds) throws Exception {
        AtomicReference<Recorder> recorder = new AtomicReference<>(new Recorder());
        try (HttpPool http = new HttpPool(uri, maxConnections, 30_000)) {
            IvrClient client = new IvrClient(http, recorder::get);
            List<Runnable> ports = new ArrayList<>();
            for (int i = 0; i < scenario.ports(); i++) ports.add(new ReplayPort(i, client, recorder::get, this::running));
            return run("baseline", uri, scenario, recorder, http, ports, rampSeconds, windowSeconds, null, null);
        }
    }

    /** One client, recorder and agent pool on the gateway, shared by the gateway phases of a run. */
    record Agents(IvrClient client, AgentPool pool, AtomicReference<Recorder> recorder) {
        static Agents on(URI gateway, int maxConnections) {
            AtomicReference<Recorder> recorder = new AtomicReference<>(new Recorder());
            IvrClient client = new IvrClient(new HttpPool(gateway, maxConnections, 30_000), recorder::get);
            return new Agents(client, new AgentPool(client, recorder::get), recorder);
        }
    }

    private volatile boolean running;
    /** Calls offered and not yet handed to an agent nor abandoned: the IVR sessions in progress. */
    private final java.util.concurrent.atomic.AtomicInteger inCall = new java.util.concurrent.atomic.AtomicInteger();

    /** Set when an overload window ends: its extra ports start no new call. */
    private volatile boolean overloadOver;
    private Recovery lastRecovery;

    private boolean running() {
        return running;
    }

    private boolean overloadRunning() {
        return running && !overloadOver;
    }

    /** What the recovery window after the last overload phase saw; null when none ran. */
    Recovery lastRecovery() {
        return lastRecovery;
    }

    private PhaseResult run(String name, URI target, Scenario scenario, AtomicReference<Recorder> recorder, HttpPool http,
                            List<Runnable> ports, double rampSeconds, double windowSeconds, AgentPool agents,
                            Recovery.Settings recovery) throws Exception {
        running = true;
        List<Thread> threads = new ArrayList<>(ports.size());
        for (Runnable p : ports) threads.add(Thread.ofVirtual().name("port").start(p));
        System.out.printf("%s: %s — ramp %.0f s%n", name, scenario.describe(), rampSeconds);
        sleepSeconds(rampSeconds);

        boolean recording = profile && !name.equals("warmup");
        Recorder window = new Recorder();
        recorder.set(window);
        ServerStats before = server.stats();
        long generatorCpu = ProcessCpu.self();
        if (recording) server.startProfile(name);
        Timeline timeline = new Timeline(out.resolve("timeline-" + name + ".csv"));
        long end = System.nanoTime() + (long) (windowSeconds * 1e9);
        while (System.nanoTime() < end) {
            sleepSeconds(Math.min(1.0, (end - System.nanoTime()) / 1e9));
            timeline.sample(window, server.stats(), inCall.get());
        }
        double seconds = window.elapsedSeconds();
        long generatorCpuUsed = ProcessCpu.self() - generatorCpu;
        ServerStats after = server.stats();
        String profileText = recording ? server.stopProfile(out.resolve("jfr").toAbsolutePath().toString()) : "";
        recorder.set(new Recorder()); // the tail of the run is not measured
        timeline.close();
        if (recovery != null) {
            overloadOver = true;
            lastRecovery = Recovery.observe(recovery, recorder, inCall::get, out.resolve("recovery.csv"));
        }

        running = false;
        for (Thread t : threads) t.join(Math.max(10_000, scenario.waitMillis() * 2L + 5_000));
        for (int i = 0; agents != null && agents.talking() > 0 && i < 200; i++) AgentPool.sleep(50);
        if (recording) Files.writeString(out.resolve("profile-" + name + ".txt"), profileText);

        long requests = window.requests.sum();
        long serverCpu = after.cpuNanos() - before.cpuNanos();
        long dbCpu = after.databaseCpuNanos() - before.databaseCpuNanos();
        PhaseResult result = new PhaseResult(name, target.toString(), scenario.describe(), seconds, requests,
                requests / seconds, window.callsStarted.sum(), window.callsStarted.sum() / seconds,
                window.callsCompleted.sum(), window.callsCompleted.sum() / seconds, timeline.meanInCall(),
                timeline.maxInCall(), requests == 0 ? 0 : (double) window.responseBytes.sum() / requests,
                window.errorCount(), window.errors(), window.errorSamples(), window.latencySummaries(),
                window.assignSummary(), window.admittedSummary(), window.refusedSummaries(),
                window.estimates.summaries(), PhaseResult.Cpu.of(generatorCpuUsed, serverCpu, dbCpu, seconds, requests),
                before, after, timeline.maxThreads(), timeline.maxHeap());
        lastSamples = window.sampleAnswers();
        System.out.printf("%s: %.0f requests/s, %.1f calls/s, %d errors%n", name, result.requestsPerSecond(),
                result.callsPerSecond(), result.errors());
        return result;
    }

    private java.util.Map<String, String> lastSamples = java.util.Map.of();

    /** One answer of each kind from the last phase, for the baseline's document. */
    java.util.Map<String, String> lastSamples() {
        return lastSamples;
    }

    static void sleepSeconds(double seconds) {
        if (seconds > 0) AgentPool.sleep((long) (seconds * 1000));
    }

    /** One line a second: request and call rates, errors, calls in progress, the server's heap and threads. */
    private static final class Timeline implements AutoCloseable {
        private final PrintWriter csv;
        private final long start = System.nanoTime();
        private long lastRequests;
        private long lastCalls;
        private long lastNanos = start;
        private long inCallSum;
        private int samples;
        private int maxInCall;
        private int maxThreads;
        private long maxHeap;

        Timeline(Path file) throws IOException {
            csv = new PrintWriter(Files.newBufferedWriter(file));
            csv.println("seconds,requests_per_s,calls_per_s,errors,calls_in_progress,heap_used_mb,threads,server_cpu_s,db_cpu_s");
        }

        void sample(Recorder r, ServerStats s, int inCall) {
            long now = System.nanoTime();
            double dt = (now - lastNanos) / 1e9;
            long requests = r.requests.sum();
            long calls = r.callsCompleted.sum();
            csv.printf(java.util.Locale.ROOT, "%.1f,%.0f,%.1f,%d,%d,%d,%d,%.2f,%.2f%n", (now - start) / 1e9,
                    (requests - lastRequests) / dt, (calls - lastCalls) / dt, r.errorCount(), inCall,
                    s.heapUsedBytes() >> 20, s.threads(), s.cpuNanos() / 1e9, s.databaseCpuNanos() / 1e9);
            lastRequests = requests;
            lastCalls = calls;
            lastNanos = now;
            inCallSum += inCall;
            samples++;
            maxInCall = Math.max(maxInCall, inCall);
            maxThreads = Math.max(maxThreads, s.threads());
            maxHeap = Math.max(maxHeap, s.heapUsedBytes());
        }

        double meanInCall() {
            return samples == 0 ? 0 : (double) inCallSum / samples;
        }

        int maxInCall() {
            return maxInCall;
        }

        int maxThreads() {
            return maxThreads;
        }

        long maxHeap() {
            return maxHeap;
        }

        @Override
        public void close() {
            csv.close();
        }
    }
}
