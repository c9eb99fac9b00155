package org.ivrgateway.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs {@link QueueRanksTest}'s jqwik properties from a Jupiter test, beside the other classes, as
 * {@link CoreInvariantsInJupiterTest} does for CoreInvariantsTest (surefire leaves QueueRanksTest to this class,
 * pom.xml).
 */
@ResourceLock(CoreInvariantsInJupiterTest.JQWIK)
class QueueRanksInJupiterTest {
    @Test
    void theQueueRanksAreTheCountsOnBothDatabases() {
        CoreInvariantsInJupiterTest.runJqwik(QueueRanksTest.class, 2);
    }
}
