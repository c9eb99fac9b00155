package org.ivrgateway.core.transit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.TransitConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;

class TransitNumbersTest {
    private static final TransitConfig POOL = new TransitConfig(List.of("8001", "8002"), 30);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T15:00:00Z"));

    @BothDatabases
    void eachCallGetsItsOwnNumberAndTheSameOneAgain(TestDatabase test) {
        Database db = test.open();
        TransitNumbers transit = new TransitNumbers(POOL);
        String first = db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        String second = db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2"));
        assertTrue(POOL.numbers().contains(first));
        assertTrue(POOL.numbers().contains(second));
        assertNotEquals(first, second);
        assertEquals(first, db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1")));
    }

    @BothDatabases
    void allNumbersHeldGives927(TestDatabase test) {
        Database db = test.open();
        TransitNumbers transit = new TransitNumbers(POOL);
        for (int i = 0; i < POOL.numbers().size(); i++) {
            String call = "call-" + i;
            db.inTransaction(c -> transit.acquire(c, clock.instant(), call));
        }
        assertCode(ReturnCode.TRANSIT_NUMBERS_BUSY, () -> db.inTransaction(c -> transit.acquire(c, clock.instant(), "one-too-many")));
    }

    @BothDatabases
    void noNumbersConfiguredGives929(TestDatabase test) {
        Database db = test.open();
        TransitNumbers transit = new TransitNumbers(TransitConfig.NONE);
        assertCode(ReturnCode.NO_TRANSIT_NUMBERS, () -> db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1")));
    }

    @BothDatabases
    void releaseFreesTheNumberAndASecondReleaseGives928(TestDatabase test) {
        Database db = test.open();
        TransitNumbers transit = new TransitNumbers(new TransitConfig(List.of("8001"), 30));
        String number = db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        run(db, c -> transit.release(c, clock.instant(), "call-1"));
        assertEquals(number, db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2")));
        assertCode(ReturnCode.NO_TRANSIT_NUMBER_HELD, () -> run(db, c -> transit.release(c, clock.instant(), "call-1")));
    }

    @BothDatabases
    void releaseIfHeldIsSilentWithoutANumber(TestDatabase test) {
        Database db = test.open();
        TransitNumbers transit = new TransitNumbers(new TransitConfig(List.of("8001"), 30));
        run(db, c -> transit.releaseIfHeld(c, "never-held"));
        db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        run(db, c -> transit.releaseIfHeld(c, "call-1"));
        assertEquals("8001", db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2")));
    }

    @BothDatabases
    void aHeldNumberExpiresAfterExpirySecondsUnlessTheCallArrives(TestDatabase test) {
        Database db = test.open();
        TransitConfig one = new TransitConfig(List.of("8001"), 30);
        TransitNumbers transit = new TransitNumbers(one);
        db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        clock.advance(Duration.ofSeconds(one.expirySeconds() - 1));
        assertCode(ReturnCode.TRANSIT_NUMBERS_BUSY, () -> db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2")));
        assertEquals(0, (int) db.<Integer>inTransaction(c -> transit.expire(c, clock.instant())));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), db.inTransaction(c -> transit.arrive(c, clock.instant(), "8001")));
        assertEquals(1, (int) db.<Integer>inTransaction(c -> transit.expire(c, clock.instant())));
        assertEquals("8001", db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2")));
        assertCode(ReturnCode.NO_TRANSIT_NUMBER_HELD, () -> run(db, c -> transit.release(c, clock.instant(), "call-1")));
    }

    @BothDatabases
    void askingAgainRestartsTheExpiry(TestDatabase test) {
        Database db = test.open();
        TransitConfig one = new TransitConfig(List.of("8001"), 30);
        TransitNumbers transit = new TransitNumbers(one);
        Duration most = Duration.ofSeconds(one.expirySeconds() - 1);
        db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        clock.advance(most);
        db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        clock.advance(most);
        assertEquals(0, (int) db.<Integer>inTransaction(c -> transit.expire(c, clock.instant())));
        assertEquals(Optional.of("call-1"), db.inTransaction(c -> transit.arrive(c, clock.instant(), "8001")));
    }

    @BothDatabases
    void anExpiredHoldIsTakenOverWithoutTheSweeper(TestDatabase test) {
        Database db = test.open();
        TransitConfig one = new TransitConfig(List.of("8001"), 30);
        TransitNumbers transit = new TransitNumbers(one);
        db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        clock.advance(Duration.ofSeconds(one.expirySeconds()));
        assertEquals("8001", db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2")));
    }

    @BothDatabases
    void arrivalAtTheNumberFreesItAndNamesTheCall(TestDatabase test) {
        Database db = test.open();
        TransitNumbers transit = new TransitNumbers(new TransitConfig(List.of("8001"), 30));
        String number = db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1"));
        assertEquals(Optional.of("call-1"), db.inTransaction(c -> transit.arrive(c, clock.instant(), number)));
        assertEquals(Optional.empty(), db.inTransaction(c -> transit.arrive(c, clock.instant(), number)));
        assertEquals(number, db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-2")));
    }

    @BothDatabases
    void aHoldOnANumberNoLongerConfiguredIsReplaced(TestDatabase test) {
        Database db = test.open();
        db.inTransaction(c -> new TransitNumbers(new TransitConfig(List.of("8009"), 30)).acquire(c, clock.instant(), "call-1"));
        TransitNumbers transit = new TransitNumbers(POOL);
        assertEquals(POOL.numbers().getFirst(), db.inTransaction(c -> transit.acquire(c, clock.instant(), "call-1")));
    }

    @BothDatabases
    void concurrentAcquirersNeverGetTheSameNumber(TestDatabase test) throws Exception {
        Database db = test.open();
        TransitConfig three = new TransitConfig(List.of("8001", "8002", "8003"), 30);
        TransitNumbers transit = new TransitNumbers(three);
        int callers = 2 * three.numbers().size();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String call = "call-" + i;
                Callable<String> acquire = () -> {
                    start.await();
                    try {
                        return db.inTransaction(c -> transit.acquire(c, clock.instant(), call));
                    } catch (IvrException e) {
                        assertEquals(ReturnCode.TRANSIT_NUMBERS_BUSY, e.code());
                        return null;
                    }
                };
                results.add(pool.submit(acquire));
            }
            start.countDown();
            List<String> got = new ArrayList<>();
            for (Future<String> f : results) {
                String number = f.get(60, TimeUnit.SECONDS);
                if (number != null) got.add(number);
            }
            assertEquals(got.size(), new HashSet<>(got).size(), "a number handed out twice: " + got);
            assertEquals(new HashSet<>(three.numbers()), new HashSet<>(got), "every number handed out once: " + got);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a step that answers nothing in a transaction of its own. */
    private static void run(Database db, Step step) {
        db.inTransaction(c -> {
            step.run(c);
            return null;
        });
    }

    @FunctionalInterface
    private interface Step {
        void run(Connection c) throws SQLException;
    }

    private static void assertCode(ReturnCode expected, Runnable action) {
        assertEquals(expected, assertThrows(IvrException.class, action::run).code());
    }
}
