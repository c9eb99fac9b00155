package org.ivrgateway.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A test's hold on a database's pool: units of work that take connections and keep them until
 * {@link #release}, and plain units queued behind them, so a test sees what the node does while no
 * connection is free. Every wait is bounded (20 s) and observed, never slept.
 */
public final class HeldConnections implements AutoCloseable {
    public static final long BOUND_SECONDS = 20;

    private final Database db;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();

    private HeldConnections(Database db) {
        this.db = db;
    }

    /** Takes {@code connections} connections of {@code db} (its whole pool, for the gate to be shut). */
    public static HeldConnections take(Database db, int connections) throws InterruptedException {
        HeldConnections held = new HeldConnections(db);
        CountDownLatch holding = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            held.threads.add(Thread.ofVirtual().start(() -> db.inTransaction(c -> {
                holding.countDown();
                try {
                    held.release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })));
        }
        assertTrue(holding.await(BOUND_SECONDS, TimeUnit.SECONDS), "the test holds " + connections + " connections");
        return held;
    }

    /** Queues {@code units} plain units of work for a connection, and waits until they wait. */
    public void queue(int units) {
        int before = db.queued();
        for (int i = 0; i < units; i++) threads.add(Thread.ofVirtual().start(() -> db.inTransaction(c -> 1)));
        await(() -> db.queued() >= before + units, (before + units) + " units of work queued");
    }

    /** True until {@link #release}. */
    public boolean holding() {
        return release.getCount() > 0;
    }

    /** Gives the connections back and waits until the queue has drained. */
    public void release() {
        release.countDown();
        await(() -> db.queued() == 0, "the queue drains once the connections are free");
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
    }

    /** Waits, bounded, for something another thread does; fails the test when it does not happen. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("not within " + BOUND_SECONDS + " s: " + what);
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
