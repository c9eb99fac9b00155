package org.ivrgateway.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * How good Enqueue's {@code EstimatedWait} was (docs/BENCHMARKS.md, "EstimatedWait accuracy"): for each call
 * that reached an agent, the estimate it was given at Enqueue against the wait it then had, from Enqueue's
 * answer to the QueryCallStatus answer that gave it its agent (status 2). Calls that ended without an
 * agent (abandoned on an error, or still waiting when the run stopped) have no wait to compare with: they
 * are counted apart. Kept per queue.
 */
final class EstimateAccuracy {
    /** The key of the figures over every queue. */
    static final String ALL = "(all queues)";
    /** "Within ±30 %": |estimate − wait| ≤ 30 % of the wait, the wait rounded to whole seconds like the estimate. */
    static final double BAND = 0.30;

    private final Map<String, Sums> byQueue = new ConcurrentHashMap<>();

    /** A call of {@code queue} estimated at {@code estimateSeconds} that waited {@code waitedNanos} for its agent. */
    void answered(String queue, int estimateSeconds, long waitedNanos) {
        double waited = waitedNanos / 1e9;
        long rounded = Math.round(waited);
        boolean within = Math.abs(estimateSeconds - rounded) <= BAND * rounded;
        for (String key : new String[] {queue, ALL}) byQueue.computeIfAbsent(key, k -> new Sums()).add(estimateSeconds, waited, within);
    }

    /** A call of {@code queue} that was estimated but never reached an agent. */
    void abandoned(String queue) {
        for (String key : new String[] {queue, ALL}) byQueue.computeIfAbsent(key, k -> new Sums()).abandoned.increment();
    }

    Map<String, Summary> summaries() {
        Map<String, Summary> out = new TreeMap<>();
        byQueue.forEach((k, s) -> out.put(k, s.summary()));
        return out;
    }

    /**
     * Seconds. {@code meanAbsoluteError} and {@code meanError} (estimate − wait: positive when the estimate was
     * too long) over {@code answered} calls; {@code withinBand} the share of them within ±30 %.
     */
    record Summary(long answered, long abandoned, double meanEstimate, double meanWait, double meanAbsoluteError,
                   double meanError, double withinBand) {
    }

    private static final class Sums {
        final LongAdder answered = new LongAdder();
        final LongAdder abandoned = new LongAdder();
        final LongAdder within = new LongAdder();
        final DoubleAdder estimate = new DoubleAdder();
        final DoubleAdder waited = new DoubleAdder();
        final DoubleAdder absError = new DoubleAdder();

        void add(int estimateSeconds, double waitedSeconds, boolean inBand) {
            answered.increment();
            if (inBand) within.increment();
            estimate.add(estimateSeconds);
            waited.add(waitedSeconds);
            absError.add(Math.abs(estimateSeconds - waitedSeconds));
        }

        Summary summary() {
            long n = answered.sum();
            if (n == 0) return new Summary(0, abandoned.sum(), 0, 0, 0, 0, 0);
            return new Summary(n, abandoned.sum(), estimate.sum() / n, waited.sum() / n, absError.sum() / n,
                    (estimate.sum() - waited.sum()) / n, (double) within.sum() / n);
        }
    }
}
