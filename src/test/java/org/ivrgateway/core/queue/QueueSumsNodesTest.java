package org.ivrgateway.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;

/**
 * Two nodes add to the same queue-minute row at once (docs/STATISTICS.md, "Cost"): the first inserts it and
 * has not committed when the second, finding no row to update, inserts too. The second waits for the first
 * (INSERT … ON CONFLICT DO NOTHING), then adds to the committed row: neither stay is lost, and nobody gets a
 * duplicate-key error.
 */
class QueueSumsNodesTest {
    static final CenterConfig CONFIG = ConfigLoader.parse("two-nodes", """
            gateway: { maxWaitMillis: 2000 }
            platform: openscape-4000
            businessUnits: [Toronto]
            ivrDevices: ["36200"]
            agentDevices: ["5001"]
            queues:
              - { name: Sales, businessUnit: Toronto, pilot: "7000", serviceLevelSeconds: 20 }
            agents:
              - { id: "790006", name: "Alan Smith", queues: [Sales], wrapUpSeconds: 0 }
            """);

    @BothDatabases
    void twoNodesEnteringTheSameQueueInTheSameMinuteBothCount(TestDatabase test) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-04T15:00:10Z"));
        Database one = test.open(), two = test.open();
        Store nodeOne = new Store(one, clock, new Signals()), nodeTwo = new Store(two, clock, new Signals());
        Visits visitsOne = new Visits(CONFIG), visitsTwo = new Visits(CONFIG);
        CountDownLatch inserted = new CountDownLatch(1), commit = new CountDownLatch(1);
        // A thread each: the common pool may have one worker, which the first would hold.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> nodeOne.transaction(tx -> {
            visitsOne.open(tx, "A", "Sales", "4165550100", "69030");
            inserted.countDown();
            try {
                assertTrue(commit.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }), threads);
        assertTrue(inserted.await(30, TimeUnit.SECONDS), "the first node inserted the row");
        clock.advance(Duration.ofSeconds(5));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> nodeTwo.transaction(tx -> {
            visitsTwo.open(tx, "B", "Sales", "4165550101", "69030");
            return null;
        }), threads);
        // The second node waits on the first's uncommitted row (observed in the database, not slept for).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (blockedSessions(one) == 0 && !second.isDone()) {
            assertTrue(System.nanoTime() < deadline, "the second node never waited for the first");
            Thread.onSpinWait();
        }
        assertFalse(second.isDone(), "the second node waits for the first's row");
        commit.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        threads.shutdown();
        long offered = one.inTransaction(c -> Sql.count(c, "SELECT SUM(offered) FROM queue_report_minute"
                + " WHERE queue_name = 'Sales'"));
        assertEquals(2, offered, "both stays counted in the one row of their minute");
        assertEquals(1, (long) one.inTransaction(c -> Sql.count(c, "SELECT COUNT(*) FROM queue_report_minute")));
    }

    /**
     * Sessions inside an INSERT of a queue-minute row (while the first node has not committed, such an INSERT can
     * only be waiting for it; H2 shows no blocker for this wait, PostgreSQL a lock wait).
     */
    private static long blockedSessions(Database db) {
        return db.inTransaction(c -> db.isPostgres()
                ? Sql.count(c, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO queue_report_minute%'")
                : Sql.count(c, "SELECT COUNT(*) FROM information_schema.sessions"
                        + " WHERE executing_statement LIKE 'INSERT INTO queue_report_minute%'"));
    }
}
