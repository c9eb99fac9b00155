package org.ivrgateway.core;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link QueueRanksTest}'s jqwik properties from a Jupiter test, beside the other classes, as
 * {@link CoreInvariantsInJupiterTest} does for CoreInvariantsTest (surefire leaves QueueRanksTest to this class,
 * pom.xml).
 */
class QueueRanksInJupiterTest {
    @Test
    void theQueueRanksAreTheCountsOnBothDatabases() {
        CoreInvariantsInJupiterTest.runJqwik(QueueRanksTest.class, 2);
    }
}
