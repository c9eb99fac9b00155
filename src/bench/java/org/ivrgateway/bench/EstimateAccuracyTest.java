package org.ivrgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EstimateAccuracyTest {

    @Test
    void errorsAndTheShareWithinThirtyPercentArePerQueueAndOverAll() {
        EstimateAccuracy a = new EstimateAccuracy();
        a.answered("Sales", 10, seconds(8));     // |10 − 8| = 2 ≤ 2.4: within
        a.answered("Sales", 10, seconds(20));    // |10 − 20| = 10 > 6: not within
        a.answered("Support", 0, millis(300));   // waited 0.3 s, rounds to 0: an estimate of 0 is within
        a.answered("Support", 3, millis(400));   // rounds to 0: only 0 is within
        a.abandoned("Support");

        EstimateAccuracy.Summary sales = a.summaries().get("Sales");
        assertEquals(2, sales.answered());
        assertEquals(6.0, sales.meanAbsoluteError(), 1e-9);
        assertEquals(-4.0, sales.meanError(), 1e-9, "estimates too short on average");
        assertEquals(0.5, sales.withinBand(), 1e-9);

        EstimateAccuracy.Summary support = a.summaries().get("Support");
        assertEquals(2, support.answered());
        assertEquals(1, support.abandoned());
        assertEquals(0.5, support.withinBand(), 1e-9);
        assertEquals((0.3 + 2.6) / 2, support.meanAbsoluteError(), 1e-9);

        EstimateAccuracy.Summary all = a.summaries().get(EstimateAccuracy.ALL);
        assertEquals(4, all.answered());
        assertEquals(1, all.abandoned());
        assertEquals(0.5, all.withinBand(), 1e-9);
        assertEquals((2 + 10 + 0.3 + 2.6) / 4, all.meanAbsoluteError(), 1e-9);
    }

    private static long seconds(long s) {
        return s * 1_000_000_000L;
    }

    private static long millis(long ms) {
        return ms * 1_000_000L;
    }
}
