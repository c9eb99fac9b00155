package org.ivrgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's results: {@code results.json} (everything) and {@code summary.md} (the tables the benchmark
 * doc quotes, and each target of the issue, met or missed, computed from the figures).
 */
final class Report {
    /** Functions that may block waiting for news of the call; the 50 ms target is for all the others. */
    static final String WAITING = "QueryCallStatus (waiting)";

    record Run(Map<String, String> machine, Map<String, String> settings, List<PhaseResult> phases,
               Double gatewayToBaseline, List<Target> targets) {
    }

    record Target(String name, String goal, String measured, boolean met) {
    }

    private Report() {
    }

    static Run of(Map<String, String> machine, Map<String, String> settings, List<PhaseResult> phases,
                  int targetSessions, double targetRate) {
        PhaseResult gateway = find(phases, "gateway");
        PhaseResult baseline = find(phases, "baseline");
        PhaseResult sizing = find(phases, "sizing");
        Double ratio = gateway != null && baseline != null && baseline.requestsPerSecond() > 0
                ? gateway.requestsPerSecond() / baseline.requestsPerSecond() : null;
        List<Target> targets = new ArrayList<>();
        if (sizing != null) {
            targets.add(new Target("concurrent IVR sessions", ">= " + targetSessions,
                    String.format(Locale.ROOT, "%.0f mean, %d max", sizing.concurrentCallsMean(), sizing.concurrentCallsMax()),
                    sizing.concurrentCallsMean() >= targetSessions));
            double worst = 0;
            String worstKind = "-";
            for (var e : sizing.latencyMs().entrySet()) {
                if (!e.getKey().equals(WAITING) && e.getValue().p99() > worst) {
                    worst = e.getValue().p99();
                    worstKind = e.getKey();
                }
            }
            targets.add(new Target("p99 of functions that do not wait", "< 50 ms",
                    String.format(Locale.ROOT, "%.1f ms (worst: %s)", worst, worstKind), worst < 50 && sizing.requests() > 0));
            targets.add(new Target("new calls per second, sustained", ">= " + targetRate,
                    String.format(Locale.ROOT, "%.1f offered/s, %.1f to agents/s", sizing.callsStartedPerSecond(),
                            sizing.callsPerSecond()), sizing.callsStartedPerSecond() >= targetRate * 0.98));
            var assign = sizing.agentAvailableToAssignedMs();
            targets.add(new Target("agent available -> call assigned, median", "< 5 ms",
                    String.format(Locale.ROOT, "%.2f ms (%d samples)", assign.p50(), assign.count()),
                    assign.count() > 0 && assign.p50() < 5));
        }
        if (ratio != null) {
            targets.add(new Target("gateway throughput / bare Jetty", ">= 50 %",
                    String.format(Locale.ROOT, "%.1f %%", ratio * 100), ratio >= 0.5));
        }
        return new Run(machine, settings, phases, ratio, targets);
    }

    static void write(Run run, Path dir) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), run);
        Files.writeString(dir.resolve("summary.md"), markdown(run));
    }

    static String markdown(Run run) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark run\n\n");
        run.machine().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        run.settings().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Targets\n\n| target | goal | measured | met |\n|---|---|---|---|\n");
        for (Target t : run.targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## Phases\n\n| phase | scenario | s | requests/s | calls/s | sessions (mean/max) | errors | "
                + "cores: generator / server / db | µs CPU per request: generator / server / db | server threads max | heap max MB |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult p : run.phases()) {
            var c = p.cpu();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.1f | %.0f / %d | %d | %.2f / %.2f / %.2f | %.0f / %.0f / %.0f | %d | %d |%n",
                    p.phase(), p.scenario(), p.seconds(), p.requestsPerSecond(), p.callsPerSecond(),
                    p.concurrentCallsMean(), p.concurrentCallsMax(), p.errors(), c.generatorCores(), c.serverCores(),
                    c.databaseCores(), c.generatorMicrosPerRequest(), c.serverMicrosPerRequest(),
                    c.databaseMicrosPerRequest(), p.serverThreadsMax(), p.serverHeapUsedMax() >> 20));
        }
        if (run.gatewayToBaseline() != null) {
            md.append(String.format(Locale.ROOT, "%nGateway throughput / baseline: %.1f %%%n", run.gatewayToBaseline() * 100));
        }
        for (PhaseResult p : run.phases()) {
            md.append("\n## Latency, ").append(p.phase()).append(" (ms)\n\n| request | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
            Map<String, LatencyHistogram.Summary> rows = new LinkedHashMap<>(p.latencyMs());
            if (p.agentAvailableToAssignedMs().count() > 0) rows.put(Recorder.ASSIGN, p.agentAvailableToAssignedMs());
            rows.forEach((k, s) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1f |%n",
                    k, s.count(), s.p50(), s.p95(), s.p99(), s.max())));
            if (!p.errorsByKind().isEmpty()) {
                md.append("\nErrors: ").append(p.errorsByKind()).append('\n');
            }
        }
        return md.toString();
    }

    private static PhaseResult find(List<PhaseResult> phases, String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElse(null);
    }
}
