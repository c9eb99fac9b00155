package org.ivrgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    @Test
    void backToNormalIsTheStartOfTheFirstFiveNormalSecondsInARow() {
        // normal, a relapse, then normal for good from second 4
        assertEquals(4.0, Recovery.backToNormal(seconds("NNxx" + "NNNNN" + "N")));
        assertEquals(0.0, Recovery.backToNormal(seconds("NNNNNxx")));
    }

    @Test
    void aWindowWithoutFiveNormalSecondsInARowIsNotBackToNormal() {
        assertNull(Recovery.backToNormal(seconds("xNNNNxNNNN")));
        assertNull(Recovery.backToNormal(seconds("")));
    }

    @Test
    void aWindowShorterThanFiveSecondsNeedsAllOfThem() {
        assertEquals(0.0, Recovery.backToNormal(seconds("NN")));
        assertNull(Recovery.backToNormal(seconds("Nx")));
    }

    /** N: a normal second, anything else: not. */
    private static List<Recovery.Second> seconds(String pattern) {
        List<Recovery.Second> out = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            boolean normal = pattern.charAt(i) == 'N';
            out.add(new Recovery.Second(i, 100, normal ? 0 : 3, normal ? 0 : 3, normal ? 10 : 900, 50, normal));
        }
        return out;
    }
}
