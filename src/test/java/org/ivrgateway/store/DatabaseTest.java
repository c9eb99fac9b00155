package org.ivrgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class DatabaseTest {

    @BothDatabases
    void migratesOnOpenAndCommitsWork(TestDatabase test) {
        Database db = test.open();
        assertTrue(db.isReachable());
        db.inTransaction(c -> c.createStatement().execute("CREATE TABLE probe (n INT)"));
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO probe VALUES (1)"));
        assertEquals(1, count(db));
    }

    @BothDatabases
    void failedWorkIsRolledBack(TestDatabase test) {
        Database db = test.open();
        db.inTransaction(c -> c.createStatement().execute("CREATE TABLE probe (n INT)"));
        assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO probe VALUES (1)");
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, count(db));
    }

    @BothDatabases
    void saturatedPoolIsBusyNotUnreachable(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = Thread.ofVirtual().start(() -> db.inTransaction(c -> {
                var second = db.dataSource().getConnection(); // both connections of the pool now in use
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                second.close();
                return null;
            }));
            try {
                assertTrue(holding.await(10, TimeUnit.SECONDS));
                StoreException busy = assertThrows(StoreException.class, () -> db.inTransaction(c -> 1));
                assertInstanceOf(StoreBusyException.class, busy);
            } finally {
                release.countDown();
                holder.join();
            }
            assertEquals(Integer.valueOf(1), db.inTransaction(c -> 1), "the pool serves again once the connection is back");
        }
    }

    @BothDatabases
    void closedPoolIsUnreachable(TestDatabase test) {
        Database db = Database.open(test.url(), test.user(), "", 2);
        db.close();
        StoreException gone = assertThrows(StoreException.class, () -> db.inTransaction(c -> 1));
        assertInstanceOf(StoreUnavailableException.class, gone);
    }

    @BothDatabases
    void noWorkWaitsForAConnectionPastItsDeadline(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            CountDownLatch holding = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            Runnable hold = () -> db.inTransaction(c -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            Thread first = Thread.ofVirtual().start(hold);
            Thread second = Thread.ofVirtual().start(hold);
            try {
                assertTrue(holding.await(10, TimeUnit.SECONDS));
                // Without the deadline the unit of work would wait the whole connection timeout (3 s).
                StoreException busy = assertTimeoutPreemptively(java.time.Duration.ofMillis(2_500), () ->
                        assertThrows(StoreException.class, () -> Database.withDeadline(
                                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100), () -> db.inTransaction(c -> 1))));
                assertInstanceOf(StoreBusyException.class, busy);
                assertFalse(busy.getMessage().contains("ivr-store"), busy.getMessage());
            } finally {
                release.countDown();
                first.join();
                second.join();
            }
            assertEquals(Integer.valueOf(1), Database.withDeadline(System.nanoTime(), () -> db.inTransaction(c -> 1)),
                    "a deadline just passed still gets a free connection at once");
        }
    }

    @BothDatabases
    void workWhoseConnectionDiesIsUnreachableNotAnIncident(TestDatabase test) {
        try (Database db = Database.open(test.url(), test.user(), "", 2)) {
            StoreException gone = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                c.unwrap(java.sql.Connection.class).close(); // the server side of the connection is gone
                c.createStatement().executeQuery("SELECT 1");
                return null;
            }));
            assertInstanceOf(StoreUnavailableException.class, gone);
            assertEquals("the database cannot be reached", gone.getMessage());
            assertEquals(Integer.valueOf(1), db.inTransaction(c -> 1), "the pool replaces the dead connection");
        }
    }

    private static int count(Database db) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM probe")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

}
