package org.ivrgateway.core.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;
import org.ivrgateway.testing.MutableClock;

/**
 * The writes of {@link QueueRanks} past one statement's rows (the aging of a long queue moves thousands of
 * nodes in one sweep): they are split — in one statement, PostgreSQL's driver refuses more than 65,535
 * parameters, which 6,000 calls entering at once exceed — and every node counts what it must; the prefixes
 * are the counts of the places written.
 */
class QueueRanksWriteTest {
    static final long T0 = Instant.parse("2025-03-04T09:00:00Z").toEpochMilli();

    @BothDatabases
    void movesOfThousandsOfNodesAreWrittenWhole(TestDatabase test) {
        Database db = test.open();
        Store store = new Store(db, new MutableClock(Instant.ofEpochMilli(T0)), new Signals());
        QueueRanks ranks = new QueueRanks(db.isPostgres());
        int calls = 6_000; // one a second, at priorities 1..3: over 16,384 nodes, 65,536 parameters in one statement
        QueueRanks.Moves enter = new QueueRanks.Moves();
        for (int i = 0; i < calls; i++) enter.enter(new QueueRanks.Place("Sales", 1 + i % 3, T0 + i * 1_000L));
        store.routing(tx -> {
            ranks.write(tx, enter);
            return null;
        });
        long rows = store.transaction(tx -> Sql.count(tx.c(), "SELECT COUNT(*) FROM queue_rank"));
        assertTrue(rows > 16_384, rows + " nodes");
        assertEquals(calls, count(store, QueueRanks.totalSql()));
        assertEquals(calls / 3, count(store, QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER, QueueRanks.lastIndexOfPriority(3))));
        // the call of priority 1 queued last (the 5,998th): every other call is ahead of it
        long last = QueueRanks.orderIndex(1, T0 + (calls - 3) * 1_000L);
        assertEquals(calls - 1, count(store, QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER, last - 1)));
        // every priority ages by one: the moves of all of them in one write
        QueueRanks.Moves age = new QueueRanks.Moves();
        for (int i = 0; i < calls; i++) age.reprioritize("Sales", 1 + i % 3, 2 + i % 3, T0 + i * 1_000L);
        store.routing(tx -> {
            ranks.write(tx, age);
            return null;
        });
        assertEquals(calls, count(store, QueueRanks.totalSql()));
        assertEquals(calls / 3, count(store, QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER, QueueRanks.lastIndexOfPriority(4))));
        assertEquals(0, count(store, QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER, QueueRanks.lastIndexOfPriority(5))));
        assertEquals(calls, count(store, QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER, QueueRanks.lastIndexOfPriority(2))));
        // the arrival tree did not move: the calls queued before the 100th second
        assertEquals(100, count(store, QueueRanks.prefixSql(QueueRanks.ARRIVAL, QueueRanks.second(T0 + 100_000))));
    }

    private static long count(Store store, String scalar) {
        return store.transaction(tx -> Sql.count(tx.c(), "SELECT " + scalar, "Sales"));
    }
}
