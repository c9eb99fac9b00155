package org.ivrgateway.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The window after an overload (docs/BENCHMARKS.md, "Overload"): new calls come at the normal rate again,
 * and each second is judged normal or not: no refused or failed answer in that second, and the p99 of the
 * admitted answers (functions that do not wait) at most {@code normalP99Ms}. The node is back to normal at
 * the start of the first {@value #STEADY} consecutive normal seconds, counted from the end of the overload.
 */
record Recovery(double seconds, double normalP99Ms, Double backToNormalSeconds, List<Second> perSecond) {
    static final int STEADY = 5;

    /** How long to watch, and the p99 a normal second stays under. */
    record Settings(double seconds, double normalP99Ms) {
    }

    /** One second of the recovery window; {@code at} is its start, in seconds after the overload stopped. */
    record Second(int at, long requests, long refused, long errors, double admittedP99Ms, int callsInProgress,
                  boolean normal) {
    }

    /** Watches {@code settings.seconds()} seconds, one fresh recorder a second; writes them to {@code csv}. */
    static Recovery observe(Settings settings, AtomicReference<Recorder> recorder, IntSupplier inCall, Path csv)
            throws IOException {
        List<Second> out = new ArrayList<>();
        int total = (int) Math.ceil(settings.seconds());
        for (int at = 0; at < total; at++) {
            Recorder second = new Recorder();
            recorder.set(second);
            AgentPool.sleep(1_000);
            recorder.set(new Recorder());
            long refused = second.refusedSummaries().values().stream().mapToLong(LatencyHistogram.Summary::count).sum();
            var admitted = second.admittedSummary();
            boolean normal = refused == 0 && second.errorCount() == 0 && admitted.count() > 0
                    && admitted.p99() <= settings.normalP99Ms();
            out.add(new Second(at, second.requests.sum(), refused, second.errorCount(), admitted.p99(), inCall.getAsInt(),
                    normal));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println("seconds_after_overload,requests,refused,errors,admitted_p99_ms,calls_in_progress,normal");
            for (Second s : out) {
                w.printf(Locale.ROOT, "%d,%d,%d,%d,%.2f,%d,%b%n", s.at(), s.requests(), s.refused(), s.errors(),
                        s.admittedP99Ms(), s.callsInProgress(), s.normal());
            }
        }
        return new Recovery(total, settings.normalP99Ms(), backToNormal(out), out);
    }

    /** The start of the first run of {@value #STEADY} normal seconds (fewer when the window is shorter), or null. */
    static Double backToNormal(List<Second> seconds) {
        int steady = Math.min(STEADY, seconds.size());
        for (int start = 0; steady > 0 && start + steady <= seconds.size(); start++) {
            boolean all = true;
            for (int i = start; i < start + steady && all; i++) all = seconds.get(i).normal();
            if (all) return (double) start;
        }
        return null;
    }
}
