package org.ivrgateway.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator ({@code ./ivr bench}, docs/BENCHMARKS.md). One run, one machine, side by side:
 * <ol>
 *   <li>warm-up, then <b>gateway</b>: a few ports in a closed loop (no prompts, agents talk 0 ms), the
 *       gateway's maximum throughput;</li>
 *   <li><b>baseline</b>: the same ports replaying the same requests against the same Jetty serving one
 *       static document of the size the gateway answered on average;</li>
 *   <li><b>sizing</b>: many ports at a fixed rate of new calls, with prompts and agents that talk, the
 *       platform's view: concurrent sessions, calls per second, latencies under that load, and how good
 *       Enqueue's EstimatedWait was;</li>
 *   <li><b>overload</b>: the same at twice that rate, then back to it: the admitted answers' latency, the
 *       refused ones' by code, and the time until the node is back to normal ({@link Recovery});</li>
 *   <li><b>wakeup</b> (PostgreSQL only): a second node on the same database, the cross-node wake-up latency
 *       ({@link WakeupPhase}).</li>
 * </ol>
 * It exits 0 when the run completed and wrote its results (targets are reported, not asserted), and
 * non-zero when it could not run (the server did not start, the agents could not log on, …).
 * The gateway runs in a JVM of its own (or in this one, or elsewhere with {@code --url}); results go to
 * {@code bench-results/<db>-<time>/}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load generator for ivr-gateway.")
public final class LoadGenerator implements Callable<Integer> {

    @Option(names = "--db", description = "h2 (file, default), h2mem, postgres (embedded) or a JDBC URL")
    String db = "h2";
    @Option(names = "--url", description = "drive a gateway already running there (no baseline, no server figures)")
    URI url;
    @Option(names = "--in-process", description = "run the gateway in this JVM instead of a JVM of its own")
    boolean inProcess;
    @Option(names = "--server-jvm", split = " ", description = "options of the server's JVM (default: ${DEFAULT-VALUE})")
    List<String> serverJvm = new ArrayList<>(List.of("-Xmx4g", "-XX:+UseG1GC"));
    static final List<String> PHASES = List.of("gateway", "baseline", "sizing", "overload", "wakeup");

    @Option(names = "--phases", split = ",", description = "of gateway,baseline,sizing,overload,wakeup (default: all; wakeup needs --db postgres)")
    List<String> phases = new ArrayList<>(PHASES);
    @Option(names = "--saturation-ports", description = "ports of the gateway and baseline phases (default: ${DEFAULT-VALUE})")
    int saturationPorts = 32;
    @Option(names = "--ports", description = "ports of the sizing phase (default: ${DEFAULT-VALUE})")
    int ports = 12_000;
    @Option(names = "--rate", description = "new calls per second in the sizing phase (default: ${DEFAULT-VALUE})")
    double rate = 200;
    @Option(names = "--overload-rate", description = "new calls per second in the overload phase (default: twice --rate)")
    double overloadRate;
    @Option(names = "--recovery", description = "seconds watched after the overload, at --rate again (default: ${DEFAULT-VALUE})")
    double recoverySeconds = 30;
    @Option(names = "--normal-p99-ms", description = "p99 of a normal second after the overload (default: 1.5 × the sizing phase's, at least 50 ms)")
    double normalP99Ms;
    @Option(names = "--wake-lanes", description = "parallel lanes of the wakeup phase, 1 to " + Devices.WAKE_LANES + " (default: ${DEFAULT-VALUE})")
    int wakeLanes = Devices.WAKE_LANES;
    @Option(names = "--wake-park-ms", description = "longest wait for a waiter to park before the change is made (default: ${DEFAULT-VALUE})")
    int wakeParkMillis = 2_000;
    @Option(names = "--ivr-seconds", description = "prompt time of one call in the sizing phase (default: ${DEFAULT-VALUE})")
    double ivrSeconds = 50;
    @Option(names = "--agents", description = "simulated agents (default: ${DEFAULT-VALUE})")
    int agents = 500;
    @Option(names = "--wait-ms", description = "QueryCallStatus Timeout while queued (default: ${DEFAULT-VALUE})")
    int waitMillis = 2_000;
    @Option(names = "--warmup", description = "seconds of warm-up before the first window (default: ${DEFAULT-VALUE})")
    double warmup = 20;
    @Option(names = "--duration", description = "seconds of each measured window (default: ${DEFAULT-VALUE})")
    double duration = 45;
    @Option(names = "--connections", description = "most connections the generator opens to a server (default: ${DEFAULT-VALUE})")
    int connections = 4_096;
    @Option(names = "--no-profile", description = "no flight recording of the server")
    boolean noProfile;
    @Option(names = "--out", description = "where runs are written (default: ${DEFAULT-VALUE})")
    Path out = Path.of("bench-results");
    @Option(names = "--target-sessions", hidden = true)
    int targetSessions = 10_000;

    /** IVR ports the contact center is configured with (the most any phase uses). */
    private int maxPorts;

    /** The last run, for the smoke test. */
    Report.Run result;
    Path runDirectory;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String dbName = url != null ? "remote" : db.startsWith("jdbc:") ? "jdbc" : db;
        for (String p : phases) {
            if (!PHASES.contains(p)) throw new CommandLine.ParameterException(new CommandLine(this), "--phases: unknown phase " + p);
        }
        if (overloadRate <= 0) overloadRate = 2 * rate;
        maxPorts = Math.max(saturationPorts, phases.contains("sizing") ? ports : 0);
        if (phases.contains("overload")) maxPorts = Math.max(maxPorts, overloadPorts());
        if (phases.contains("wakeup")) maxPorts = Math.max(maxPorts, Devices.WAKE_LANES); // lane i calls from port i
        if (maxPorts > Devices.MAX_PORTS) {
            throw new CommandLine.ParameterException(new CommandLine(this), maxPorts + " ports needed, at most "
                    + Devices.MAX_PORTS + " (lower --ports or --overload-rate)");
        }
        runDirectory = Files.createDirectories(out.resolve(dbName + "-" + stamp));
        loadAtStart = loadAverage();
        System.out.printf("ivr-gateway benchmark → %s%n", runDirectory);
        try (ServerSide server = startServer(maxPorts)) {
            System.out.printf("gateway %s on %s%n", server.gateway(), server.databaseKind());
            result = runPhases(server);
        }
        Report.write(result, runDirectory);
        System.out.println(Report.markdown(result));
        return 0; // a run that completed; errors and missed targets are in its results, not in the exit status
    }

    /** The overload phase's ports: as many more as its rate is higher, so each port keeps its cycle. */
    private int overloadPorts() {
        return (int) Math.ceil(ports * overloadRate / rate);
    }

    private ServerSide startServer(int maxPorts) throws Exception {
        if (url != null) return new RemoteServer(url);
        if (inProcess) return BenchNode.start(db, maxPorts, agents);
        return new ForkedServer(db, maxPorts, agents, serverJvm, runDirectory.resolve("server.log"));
    }

    private Report.Run runPhases(ServerSide server) throws Exception {
        PhaseRunner runner = new PhaseRunner(server, runDirectory, connections, !noProfile && url == null);
        PhaseRunner.Agents desk = PhaseRunner.Agents.on(server.gateway(), connections);
        int loggedOn = desk.pool().logOn(agents);
        if (loggedOn < agents) throw new IllegalStateException("only " + loggedOn + " of " + agents + " agents could log on");
        Scenario saturation = new Scenario("saturation", saturationPorts, 0, 0, waitMillis, 0, agents);
        List<PhaseResult> results = new ArrayList<>();
        runner.gateway("warmup", saturation, desk, 0, warmup);
        if (phases.contains("gateway")) results.add(runner.gateway("gateway", saturation, desk, 0, duration));
        if (phases.contains("baseline") && url == null) {
            URI static_ = server.startBaseline(baselineDocument(runner.lastSamples()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try {
                results.add(runner.baseline(saturation, static_, Math.min(warmup, 10), duration));
            } finally {
                server.stopBaseline();
            }
        }
        double cycle = ports / rate;
        int prompt = (int) (ivrSeconds * 1000 / 2); // IvrPort plays two prompts a call
        if (phases.contains("sizing")) {
            int talk = (int) (agents / (1.25 * rate) * 1000); // agents busy 80 % of the time
            Scenario sizing = new Scenario("sizing", ports, rate, prompt, waitMillis, talk, agents);
            results.add(runner.gateway("sizing", sizing, desk, cycle, duration));
        }
        Recovery recovery = null;
        if (phases.contains("overload")) {
            // The node is overloaded, not the agents: they talk shorter, to stay 80 % busy at the higher rate.
            int talk = (int) (agents / (1.25 * overloadRate) * 1000);
            Scenario overload = new Scenario("overload", overloadPorts(), overloadRate, prompt, waitMillis, talk, agents);
            PhaseResult sizing = results.stream().filter(p -> p.phase().equals("sizing")).findFirst().orElse(null);
            double normal = normalP99Ms > 0 ? normalP99Ms
                    : Math.max(50, sizing == null ? 0 : 1.5 * sizing.admittedMs().p99());
            results.add(runner.overload(overload, ports, desk, cycle, duration, new Recovery.Settings(recoverySeconds, normal)));
            recovery = runner.lastRecovery();
        }
        desk.client().http().close();
        WakeupPhase.Result wakeup = null;
        String wakeupNote = null;
        if (phases.contains("wakeup")) {
            String shared = server.databaseUrl();
            if (shared == null) {
                wakeupNote = "not run: it needs two nodes on one PostgreSQL (--db postgres)";
                System.out.println("wakeup: " + wakeupNote);
            } else {
                try (ServerSide second = startSecondNode(shared)) {
                    wakeup = WakeupPhase.run(server, second, wakeLanes, duration, wakeParkMillis,
                            Math.max(1_000, waitMillis));
                }
            }
        }
        return Report.of(machine(server), settings(), results, targetSessions, rate, recovery, wakeup, wakeupNote);
    }

    /** Node B of the wake-up phase: the same contact center on the same database, in a JVM of its own (or this one). */
    private ServerSide startSecondNode(String jdbcUrl) throws Exception {
        if (inProcess) return BenchNode.start(jdbcUrl, maxPorts, agents);
        return new ForkedServer(jdbcUrl, maxPorts, agents, serverJvm, runDirectory.resolve("server-b.log"));
    }

    /** A VoiceXML answer of the gateway's, the one closest in size to the mean of all its answers. */
    static String baselineDocument(Map<String, String> samples) {
        List<String> documents = samples.values().stream().filter(b -> b.contains("<vxml")).toList();
        if (documents.isEmpty()) throw new IllegalStateException("the gateway phase gave no VoiceXML answer to copy");
        double mean = documents.stream().mapToInt(String::length).average().orElse(0);
        return documents.stream().min(Comparator.comparingDouble(d -> Math.abs(d.length() - mean))).orElseThrow();
    }

    private Map<String, String> machine(ServerSide server) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        m.put("memory", (os.getTotalMemorySize() >> 30) + " GiB");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("database", server.databaseKind());
        m.put("load average (1, 5, 15 min) at start", loadAtStart);
        m.put("load average (1, 5, 15 min) at end, this run included", loadAverage());
        m.put("ended", LocalDateTime.now().toString());
        return m;
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server", url != null ? url.toString() : inProcess ? "in the generator's JVM" : "own JVM " + serverJvm);
        s.put("phases", String.join(",", phases));
        s.put("warm-up / window", warmup + " s / " + duration + " s");
        s.put("generator connections (max)", Integer.toString(connections));
        return s;
    }

    private String loadAtStart = "?";

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
