package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;

/**
 * A database upgraded with calls waiting: V13__queue_ranks.sql fills the queue ranks from the calls queued
 * before it (docs/STATISTICS.md, "Cost"), so their positions, CallsInQueue and the calls ahead are right at
 * once and stay right as calls then enter and leave. The database is emptied and migrated to V12 with Flyway's
 * target, calls are written as V12 stored them — ties of priority, of second and of instant, calls queued before
 * the ranks' first second (2020) and in another queue, calls ringing and ended that do not count — and the
 * gateway's own start-up ({@link Database#open}) migrates it on.
 */
class QueueRanksUpgradeTest {
    static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");

    @BothDatabases
    void callsQueuedBeforeTheRanksHaveTheirPlaces(TestDatabase test) throws Exception {
        try (Connection c = DriverManager.getConnection(test.url(), test.user(), "");
             Statement s = c.createStatement()) {
            if (test.kind().toLowerCase().contains("postgres")) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            } else {
                s.execute("DROP ALL OBJECTS");
            }
        }
        Flyway.configure().dataSource(test.url(), test.user(), "").locations("classpath:db/migration").target("12")
                .load().migrate();
        long now = NOW.toEpochMilli();
        Random random = new Random(13);
        try (Connection c = DriverManager.getConnection(test.url(), test.user(), "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO ivr_call (call_id, uuid, monitored, ani, dnis,"
                     + " visits, fmnq, status, queue_name, priority, base_priority, in_center, queued_ms, transferable,"
                     + " ended, created_ms, version) VALUES (?, 'u', TRUE, 'a', 'd', 1, FALSE, ?, ?, ?, ?, FALSE, ?, TRUE,"
                     + " ?, 0, 1)")) {
            for (int i = 0; i < 60; i++) {
                int status = i % 10 == 9 ? 2 : i % 10 == 8 ? 5 : 1;
                int priority = new int[] {1, 5, 5, 100, 99}[random.nextInt(5)];
                long queued = switch (i % 6) {
                    case 0 -> now - 5_000; // one instant for several calls: CallID decides
                    case 1 -> now - 5_000 + random.nextInt(1_000); // the same second
                    case 2 -> now - random.nextInt(600_000);
                    case 3 -> 1_000L * random.nextInt(100); // before 2020: the ranks' first second
                    default -> now - 20_000 + random.nextInt(2) * 1_000 - random.nextInt(2);
                };
                insert.setString(1, String.format("upgraded%02d", 59 - i)); // CallIDs not in the order of writing
                insert.setInt(2, status);
                insert.setString(3, i % 4 == 3 ? "Support" : "Sales");
                insert.setInt(4, priority);
                insert.setInt(5, priority);
                insert.setLong(6, queued);
                insert.setBoolean(7, status == 5);
                insert.executeUpdate();
            }
        }
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            Store store = new Store(db, new MutableClock(NOW), new Signals());
            Calls calls = new Calls(db.isPostgres());
            for (String q : List.of("Sales", "Support")) {
                int waiting = QueueRanksTest.Oracle.assertRanks(store, calls, q, now, "after the upgrade").size();
                assertEquals(q.equals("Sales") ? 36 : 12, waiting, "the calls written as waiting in " + q);
            }
            // After the upgrade, the transitions move the counts the migration made.
            List<CallRow> sales = store.transaction(tx -> calls.queuedIn(tx, "Sales"));
            store.routing(tx -> {
                calls.dequeue(tx, sales.get(3));
                calls.end(tx, sales.get(10));
                calls.queue(tx, sales.get(20), "Support", 7, null, true, null, null, null);
                return null;
            });
            for (String q : List.of("Sales", "Support")) {
                QueueRanksTest.Oracle.assertRanks(store, calls, q, now, "after calls left and moved");
            }
            assertEquals(33, (int) store.transaction(tx -> calls.countQueuedIn(tx, "Sales")));
        }
    }
}
