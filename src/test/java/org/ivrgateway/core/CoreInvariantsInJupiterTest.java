package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs {@link CoreInvariantsTest}'s jqwik properties from a Jupiter test, so that they run beside the other
 * classes (docs/TESTING.md, "Parallel"). The JUnit Platform runs its engines one after the other, and
 * jqwik's engine, which runs its properties one at a time, came after Jupiter's and ran alone at the end of
 * every suite (26 s on a quiet machine). Surefire leaves {@code CoreInvariantsTest} to this class (pom.xml);
 * {@code -Dtest=CoreInvariantsTest#…} and an IDE still run it with jqwik's engine directly, and jqwik's
 * report of a failing property (the chain of steps, the seed) is this test's failure message.
 */
@ResourceLock(CoreInvariantsInJupiterTest.JQWIK)
class CoreInvariantsInJupiterTest {
    /**
     * One jqwik run at a time in the JVM: jqwik keeps its current property and its stores in static state, so
     * two runs at once (this class and {@link QueueRanksInJupiterTest}) made a property's
     * {@code Statistics.label} fail with CannotFindStoreException on its first try.
     */
    static final String JQWIK = "jqwik-engine";

    @Test
    void theCoreInvariantsHoldOnBothDatabases() {
        runJqwik(CoreInvariantsTest.class, 2);
    }

    /**
     * Runs the jqwik properties of {@code properties} on jqwik's engine and fails with jqwik's report when one
     * fails; {@code expected} is how many properties the class has. Also used by {@link QueueRanksInJupiterTest}.
     */
    static void runJqwik(Class<?> properties, int expected) {
        // No listener of the service loader (testing/Timeline writes the suite's timeline, not this run's).
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener reports = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                System.out.println(id.getDisplayName() + ": " + entry.getKeyValuePairs());
            }
        };
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(properties))
                .filters(EngineFilter.includeEngines("jqwik"))
                .build(), summary, reports);
        TestExecutionSummary s = summary.getSummary();
        StringWriter failures = new StringWriter();
        s.printFailuresTo(new PrintWriter(failures), 60);
        assertEquals(expected, s.getTestsFoundCount(), "the properties of " + properties.getSimpleName());
        assertEquals(0, s.getTotalFailureCount(), failures::toString);
    }
}
