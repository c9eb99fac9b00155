package org.ivrgateway.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Latencies in microseconds, recorded from many threads without locks: log-linear buckets (64 per power
 * of two, so a percentile is off by less than 1.6 %), exact count, sum and maximum.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);
    private final java.util.concurrent.atomic.LongAdder sum = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder count = new java.util.concurrent.atomic.LongAdder();

    void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(index(v));
        max.accumulate(v);
        sum.add(v);
        count.increment();
    }

    long count() {
        return count.sum();
    }

    long maxMicros() {
        return max.get();
    }

    double meanMicros() {
        long n = count();
        return n == 0 ? 0 : (double) sum.sum() / n;
    }

    /** The value at quantile {@code q} (0..1), as the upper edge of its bucket, capped at the maximum. */
    long percentileMicros(double q) {
        long n = count();
        if (n == 0) return 0;
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank && seen > 0) return Math.min(upperEdge(i), maxMicros());
        }
        return maxMicros();
    }

    Summary summary() {
        return new Summary(count(), meanMicros() / 1000.0, percentileMicros(0.50) / 1000.0,
                percentileMicros(0.95) / 1000.0, percentileMicros(0.99) / 1000.0, maxMicros() / 1000.0);
    }

    /** Milliseconds. */
    record Summary(long count, double mean, double p50, double p95, double p99, double max) {
    }

    private static int index(long v) {
        if (v < SUB) return (int) v;
        int magnitude = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS + 1; // >= 1
        int sub = (int) (v >>> (magnitude - 1)) & (SUB - 1);
        return Math.min(BUCKETS - 1, magnitude * SUB + sub);
    }

    private static long upperEdge(int index) {
        int magnitude = index / SUB;
        int sub = index % SUB;
        if (magnitude == 0) return sub;
        return ((long) (SUB + sub) << (magnitude - 1)) + (1L << (magnitude - 1)) - 1;
    }
}
