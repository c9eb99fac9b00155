package org.ivrgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinTheBucketPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) h.record(v);
        assertEquals(100_000, h.count());
        assertEquals(100_000, h.maxMicros());
        assertNear(50_000, h.percentileMicros(0.50));
        assertNear(99_000, h.percentileMicros(0.99));
        assertEquals(100_000, h.percentileMicros(1.0));
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(3);
        h.record(7);
        assertEquals(3, h.percentileMicros(0.5));
        assertEquals(7, h.percentileMicros(0.99));
    }

    @Test
    void anEmptyHistogramSaysZero() {
        assertEquals(0, new LatencyHistogram().percentileMicros(0.99));
    }

    private static void assertNear(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected * 0.016, "expected ~" + expected + ", got " + actual);
    }
}
