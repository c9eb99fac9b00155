package org.ivrgateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database that holds all live state: a HikariCP pool over H2 or PostgreSQL, migrated by Flyway from
 * {@code db/migration} when opened, so every node that opens the same URL sees the same schema. Work runs
 * in {@link #inTransaction}; a failure to reach the database becomes {@link StoreUnavailableException}
 * (-801 at the API's edge), a failure to get a connection before the caller's deadline
 * {@link StoreBusyException} (-701). See docs/RELIABILITY.md.
 *
 * <p>Units of work queue for a connection at a fair gate with as many permits as the pool has
 * connections, never inside the pool: a caller waits at most until its deadline ({@link #withDeadline})
 * or the connection timeout, whichever comes first, and then fails fast.
 *
 * <p>Admission control ({@link Admission}): a unit of work that finds as many units already waiting for a
 * connection as its limit allows is refused at once ({@link StoreBusyException}, -701) instead of joining
 * the queue. New calls ({@link #asNewCall}) have the lower limit, so past what the node can serve they are
 * refused first and the calls already admitted keep their place.
 */
public final class Database implements AutoCloseable {
    /** The pool size when the configuration names none (database.poolSize); see docs/RELIABILITY.md. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** Longest wait for a connection of a unit of work without a deadline of its own. */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> NEW_CALL = new ThreadLocal<>();

    /**
     * How many units of work may wait for a connection (database.queueLimit); how many may be waiting when a
     * new call's unit of work still joins them (database.newCallQueueLimit) unless the queue is also
     * standing, i.e. the latest unit served had waited at least newCallQueueMillis for its connection
     * (database.newCallQueueMillis); see docs/RELIABILITY.md, "Admission control".
     */
    public record Admission(int queueLimit, int newCallQueueLimit, long newCallQueueMillis) {
        public static final int DEFAULT_QUEUE_LIMIT = 4_096;
        public static final int DEFAULT_NEW_CALL_QUEUE_LIMIT = 32;
        public static final int DEFAULT_NEW_CALL_QUEUE_MILLIS = 100;
        public static final Admission DEFAULT = new Admission(DEFAULT_QUEUE_LIMIT, DEFAULT_NEW_CALL_QUEUE_LIMIT,
                DEFAULT_NEW_CALL_QUEUE_MILLIS);

        public Admission {
            if (newCallQueueLimit < 0 || queueLimit < newCallQueueLimit || newCallQueueMillis < 0) {
                throw new IllegalArgumentException("database queue limits: need 0 <= newCallQueueLimit ("
                        + newCallQueueLimit + ") <= queueLimit (" + queueLimit + ") and newCallQueueMillis ("
                        + newCallQueueMillis + ") >= 0");
            }
        }

        /** Limits on the queue's length alone: a new call is refused as soon as its limit is reached. */
        public Admission(int queueLimit, int newCallQueueLimit) {
            this(queueLimit, newCallQueueLimit, 0);
        }
    }

    /** One unit of work on one connection, committed when it returns. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final Semaphore gate;
    private final Admission admission;
    /** Units of work waiting at the gate now. */
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    /**
     * How long the latest unit of work that got a connection had waited for it (0 when it found one free):
     * a queue that is long but moving fast is a burst, one whose units wait long is standing.
     */
    private volatile long lastWaitNanos;

    private Database(HikariDataSource dataSource, int poolSize, Admission admission) {
        this.dataSource = dataSource;
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
        this.gate = new Semaphore(poolSize, true);
        this.admission = admission;
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date, with the default admission limits. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, Admission.DEFAULT);
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, Admission admission) {
        if (poolSize < 2) {
            // Flyway migrates on one connection while it holds its lock on another.
            throw new IllegalArgumentException("database pool size must be at least 2, was " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("ivr-store");
        // A request must fail fast (-801) rather than hang when the database is gone.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            MigrationComments.realign(ds);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (SQLException e) {
            ds.close();
            throw StoreException.from(e);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, poolSize, admission);
    }

    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, "sa", "", DEFAULT_POOL_SIZE);
    }

    /**
     * Runs {@code body} with a deadline ({@link System#nanoTime()} based) for every unit of work it starts
     * on this thread: one that cannot get a connection before it fails with {@link StoreBusyException}.
     * Nested calls keep the earlier deadline.
     */
    public static <T> T withDeadline(long deadlineNanos, Supplier<T> body) {
        Long outer = DEADLINE.get();
        DEADLINE.set(outer != null && outer - deadlineNanos < 0 ? outer : deadlineNanos);
        try {
            return body.get();
        } finally {
            if (outer == null) DEADLINE.remove();
            else DEADLINE.set(outer);
        }
    }

    /**
     * Runs {@code body} as a new call's work (Initialize, SetCallInfo, QueryCallInfo, a call offered): each
     * unit of work it starts is refused at once when {@link Admission#newCallQueueLimit} units already wait
     * for a connection.
     */
    public static <T> T asNewCall(Supplier<T> body) {
        Boolean outer = NEW_CALL.get();
        NEW_CALL.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            if (outer == null) NEW_CALL.remove();
        }
    }

    /** Units of work waiting for a connection now (tests wait for it). */
    public int queued() {
        return queued.get();
    }

    /** Units of work refused by admission control since the pool opened. */
    public long refused() {
        return refused.sum();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * True when no other node can share this database: an H2 database embedded in this JVM (a file or
     * memory URL, not an H2 server's, nor {@code AUTO_SERVER}). Nothing then changes a call but this node,
     * so there are no other nodes' changes to watch for (docs/RELIABILITY.md, "Waits keep their deadline").
     */
    public boolean servesOneNode() {
        String url = dataSource.getJdbcUrl().toUpperCase(java.util.Locale.ROOT);
        return url.startsWith("JDBC:H2:") && !url.startsWith("JDBC:H2:TCP:") && !url.startsWith("JDBC:H2:SSL:")
                && !url.contains(";AUTO_SERVER=TRUE");
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        acquire();
        // HikariCP gives the connection back with its auto-commit reset, even when it is broken.
        try (Connection c = connection()) {
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                if (fromTheDatabase(e) && lost(c)) {
                    // Whatever the driver called it, the database went away under this unit of work: -801,
                    // and the broken connection leaves the pool instead of failing the next request too.
                    dataSource.evictConnection(c);
                    throw new StoreUnavailableException(e);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.from(e);
        } finally {
            gate.release();
        }
    }

    /**
     * Takes a permit of the gate before the deadline (or the connection timeout), else -701; refused at once
     * (-701) when the queue is already at this unit's limit.
     */
    private void acquire() {
        if (dataSource.isClosed()) throw new StoreUnavailableException(new SQLException("the pool is closed", "08003"));
        try {
            // Fair: a free permit goes to this unit only when nobody waits for one.
            if (gate.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                lastWaitNanos = 0;
                return;
            }
            boolean newCall = NEW_CALL.get() != null;
            int waiting = queued.incrementAndGet();
            // A new call is turned away only from a queue that is both long and standing: a burst that the
            // pool clears in a few milliseconds refuses nobody.
            boolean full = waiting > admission.queueLimit() || newCall && waiting > admission.newCallQueueLimit()
                    && lastWaitNanos >= TimeUnit.MILLISECONDS.toNanos(admission.newCallQueueMillis());
            if (full) {
                queued.decrementAndGet();
                refused.increment();
                throw new StoreBusyException(new SQLTransientConnectionException("refused: " + (waiting - 1)
                        + " units of work already wait for a connection"));
            }
            try {
                Long deadline = DEADLINE.get();
                long waitNanos = TimeUnit.MILLISECONDS.toNanos(CONNECTION_TIMEOUT_MILLIS);
                if (deadline != null) waitNanos = Math.min(waitNanos, deadline - System.nanoTime());
                long since = System.nanoTime();
                if (waitNanos > 0 && gate.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                    lastWaitNanos = System.nanoTime() - since;
                    return;
                }
            } finally {
                queued.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new StoreBusyException(new SQLTransientConnectionException("no connection free before the deadline"));
    }

    /**
     * A pooled connection. Hikari's timeout carries the last failure to connect as its cause when the
     * server is gone (unreachable, -801); without a cause every connection was merely busy (-701).
     */
    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() == null && !dataSource.isClosed()) throw new StoreBusyException(e);
            throw new StoreUnavailableException(e);
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * True when {@code e} or a cause of it is a JDBC failure: only those can mean the connection went away.
     * A unit of work that refuses on its own (an API answer, a failed check) costs no validity check.
     */
    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) return true;
        }
        return false;
    }

    /** True when the connection a unit of work failed on is gone: the failure was the database's, not the work's. */
    private static boolean lost(Connection c) {
        try {
            return c.isClosed() || !c.isValid(1);
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * A connection outside the pool, with the pool's URL and credentials, for a caller that holds it for a
     * long time (the change feed's LISTEN); the caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword());
    }

    /** True when a connection can be had and answers a trivial query now. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
