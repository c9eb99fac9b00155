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

    /**
     * {@code overloadRecovery}: the seconds after the overload phase (null when it did not run);
     * {@code wakeup}: the cross-node wake-up phase (null when it did not run, {@code wakeupNote} says why).
     */
    record Run(Map<String, String> machine, Map<String, String> settings, List<PhaseResult> phases,
               Double gatewayToBaseline, List<Target> targets, Recovery overloadRecovery, WakeupPhase.Result wakeup,
               String wakeupNote) {
    }

    record Target(String name, String goal, String measured, boolean met) {
    }

    private Report() {
    }

    static Run of(Map<String, String> machine, Map<String, String> settings, List<PhaseResult> phases,
                  int targetSessions, double targetRate, Recovery recovery, WakeupPhase.Result wakeup, String wakeupNote) {
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
                if (!e.getKey().equals(WAITING) && !e.getKey().equals(Recorder.POOL_WAIT) && e.getValue().p99() > worst) {
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
        PhaseResult overload = find(phases, "overload");
        if (overload != null) {
            var admitted = overload.admittedMs();
            targets.add(new Target("overload: p99 of the admitted answers", "< 200 ms",
                    String.format(Locale.ROOT, "%.1f ms (%d answers)", admitted.p99(), admitted.count()),
                    admitted.count() > 0 && admitted.p99() < 200));
            var worst = overload.refusedMs().entrySet().stream().max(Map.Entry.comparingByValue(
                    java.util.Comparator.comparingDouble(LatencyHistogram.Summary::p99))).orElse(null);
            targets.add(new Target("overload: refused answered within", "p99 < 100 ms", worst == null ? "none refused"
                    : String.format(Locale.ROOT, "%.1f ms (worst: %s, %d answers)", worst.getValue().p99(), worst.getKey(),
                    worst.getValue().count()), worst == null || worst.getValue().p99() < 100));
        }
        if (recovery != null) {
            Double back = recovery.backToNormalSeconds();
            targets.add(new Target("back to normal after the overload", "<= 10 s", back == null
                    ? String.format(Locale.ROOT, "not within %.0f s", recovery.seconds())
                    : String.format(Locale.ROOT, "%.0f s", back), back != null && back <= 10));
        }
        if (wakeup != null) {
            var low = wakeup.crossNodeFromChangeAnswerMs();
            var high = wakeup.crossNodeFromChangeRequestMs();
            targets.add(new Target("cross-node wake-up, median", "< 20 ms", String.format(Locale.ROOT,
                    "%.2f–%.2f ms (%d samples, %d missed)", low.p50(), high.p50(), high.count(), wakeup.crossNodeMissed()),
                    high.count() > 0 && high.p50() < 20));
        }
        return new Run(machine, settings, phases, ratio, targets, recovery, wakeup, wakeupNote);
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
            md.append("\nAnswers by outcome (ms): admitted = the answer the flow expected, from a function that does not "
                    + "wait; the others by code\n\n| outcome | count | p50 | p99 | max |\n|---|---|---|---|---|\n");
            Map<String, LatencyHistogram.Summary> outcomes = new LinkedHashMap<>();
            outcomes.put("admitted", p.admittedMs());
            outcomes.putAll(p.refusedMs());
            outcomes.forEach((k, o) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f |%n", k,
                    o.count(), o.p50(), o.p99(), o.max())));
        }
        estimates(md, run);
        recovery(md, run.overloadRecovery());
        wakeup(md, run);
        return md.toString();
    }

    private static void estimates(StringBuilder md, Run run) {
        md.append("\n## EstimatedWait accuracy\n\nEach call that reached an agent: Enqueue's EstimatedWait against its wait "
                + "(Enqueue's answer → the QueryCallStatus answer with status 2); within ±30 %: |estimate − wait| ≤ 30 % "
                + "of the wait in whole seconds. Seconds.\n\n| phase | queue | calls | without agent | mean estimate | "
                + "mean wait | mean absolute error | mean error (estimate − wait) | within ±30 % |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult p : run.phases()) {
            p.estimatedWait().forEach((queue, e) -> md.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %d | %.2f | %.2f | %.2f | %+.2f | %.1f %% |%n", p.phase(), queue, e.answered(),
                    e.abandoned(), e.meanEstimate(), e.meanWait(), e.meanAbsoluteError(), e.meanError(),
                    100 * e.withinBand())));
        }
    }

    private static void recovery(StringBuilder md, Recovery r) {
        if (r == null) return;
        md.append(String.format(Locale.ROOT, "%n## After the overload%n%nNew calls at the normal rate again; a second is "
                + "normal with no refused or failed answer and a p99 of the admitted answers ≤ %.1f ms. Back to normal: "
                + "%s (the first %d normal seconds in a row). Each second in `recovery.csv`.%n", r.normalP99Ms(),
                r.backToNormalSeconds() == null ? "not within " + (int) r.seconds() + " s"
                        : String.format(Locale.ROOT, "%.0f s after the overload stopped", r.backToNormalSeconds()),
                Recovery.STEADY));
    }

    private static void wakeup(StringBuilder md, Run run) {
        if (run.wakeup() == null) {
            if (run.wakeupNote() != null) md.append("\n## Cross-node wake-up\n\n").append(run.wakeupNote()).append('\n');
            return;
        }
        WakeupPhase.Result w = run.wakeup();
        md.append(String.format(Locale.ROOT, "%n## Cross-node wake-up%n%n%s; %d lanes, the change made once the waiter is "
                + "parked (at most %d ms after its request), Timeout %d ms. Commit on A → the waiter's answer, in ms: from A's answer (lower bound) and "
                + "from A's request (upper bound).%n%n| waiter on | samples | missed | p50 | p99 | max |%n|---|---|---|---|---|---|%n",
                w.nodes(), w.lanes(), w.parkMillis(), w.timeoutMillis()));
        wakeRow(md, "node B (cross-node)", w.crossNodeFromChangeAnswerMs(), w.crossNodeFromChangeRequestMs(), w.crossNodeMissed());
        wakeRow(md, "node A (same node)", w.sameNodeFromChangeAnswerMs(), w.sameNodeFromChangeRequestMs(), w.sameNodeMissed());
        if (w.errors() > 0) md.append("\nErrors: ").append(w.errorsByKind()).append('\n');
    }

    private static void wakeRow(StringBuilder md, String who, LatencyHistogram.Summary low, LatencyHistogram.Summary high,
                                long missed) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f–%.2f | %.2f–%.2f | %.1f–%.1f |%n", who, high.count(),
                missed, low.p50(), high.p50(), low.p99(), high.p99(), low.max(), high.max()));
    }

    private static PhaseResult find(List<PhaseResult> phases, String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElse(null);
    }
}
