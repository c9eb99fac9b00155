package org.ivrgateway.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.ivrgateway.store.Database;

/**
 * Runs the core's units of work on the database. {@link #routing} also takes the routing lock, so that
 * matching calls to agents is serialized across every node sharing the database. After a commit, the
 * waiters of the changed calls on this node are woken.
 */
public final class Store {

    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private final Database db;
    private final Clock clock;
    private final Signals signals;
    private final UnaryOperator<Connection> connections;

    public Store(Database db, Clock clock, Signals signals) {
        this(db, clock, signals, UnaryOperator.identity());
    }

    /**
     * The same, each unit of work's connection passed through {@code connections} first (a test counts the
     * statements of one invocation through it: docs/ARCHITECTURE.md, "Statements of one Enqueue").
     */
    public Store(Database db, Clock clock, Signals signals, UnaryOperator<Connection> connections) {
        this.db = db;
        this.clock = clock;
        this.signals = signals;
        this.connections = connections;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return db;
    }

    public <T> T transaction(Work<T> work) {
        return run(work, false);
    }

    public <T> T routing(Work<T> work) {
        return run(work, true);
    }

    private <T> T run(Work<T> work, boolean lock) {
        Tx[] done = new Tx[1];
        T result = db.inTransaction(c -> {
            Tx tx = new Tx(connections.apply(c), clock.millis());
            if (lock) {
                if (!db.isPostgres()) Sql.update(tx.c(), Sql.H2_LOCK_WAIT);
                Sql.one(tx.c(), "SELECT id FROM routing_lock WHERE id = 1 FOR UPDATE", rs -> rs.getInt(1));
            }
            T r = work.run(tx);
            if (db.isPostgres() && !tx.changedCalls().isEmpty()) ChangeFeed.publish(tx.c(), tx.changedCalls());
            done[0] = tx;
            return r;
        });
        done[0].changedCalls().forEach(signals::signal);
        return result;
    }
}
