package org.ivrgateway.config;

import org.ivrgateway.store.Database;

/**
 * {@code database:} — {@code poolSize}, the connections this node keeps to the database (2..500, default
 * 8: see docs/RELIABILITY.md for the measurement behind it). A request waits for one of them at most until
 * its deadline, never in the pool. Admission control: {@code queueLimit} (default 4,096), the units of work
 * that may wait for a connection before any further one is refused at once (-701, REST 503), and
 * {@code newCallQueueLimit} (default 32, at most {@code queueLimit}), the same for a new call's work
 * (Initialize, SetCallInfo, QueryCallInfo, an offer) when the queue is also standing — the latest unit served
 * had waited at least {@code newCallQueueMillis} (default 100) — so that past its capacity a node turns new
 * calls away first and the calls it has admitted keep their latency, while a burst refuses nobody
 * (docs/RELIABILITY.md, "Admission control").
 */
public record DatabaseSettings(Integer poolSize, Integer queueLimit, Integer newCallQueueLimit,
                               Integer newCallQueueMillis) {
    public static final int MAX_POOL_SIZE = 500;
    public static final int MAX_QUEUE_LIMIT = 100_000;
    public static final int MAX_QUEUE_MILLIS = 60_000;
    public static final DatabaseSettings DEFAULT = new DatabaseSettings(null, null, null, null);

    public DatabaseSettings {
        poolSize = Checks.atLeast("database.poolSize", poolSize, 2, Database.DEFAULT_POOL_SIZE);
        if (poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("database.poolSize: must be at most " + MAX_POOL_SIZE + ", was " + poolSize);
        }
        queueLimit = Checks.atLeast("database.queueLimit", queueLimit, 1, Database.Admission.DEFAULT_QUEUE_LIMIT);
        if (queueLimit > MAX_QUEUE_LIMIT) {
            throw new IllegalArgumentException("database.queueLimit: must be at most " + MAX_QUEUE_LIMIT + ", was " + queueLimit);
        }
        newCallQueueLimit = Checks.atLeast("database.newCallQueueLimit", newCallQueueLimit, 0,
                Math.min(queueLimit, Database.Admission.DEFAULT_NEW_CALL_QUEUE_LIMIT));
        if (newCallQueueLimit > queueLimit) {
            throw new IllegalArgumentException("database.newCallQueueLimit: must be at most database.queueLimit ("
                    + queueLimit + "), was " + newCallQueueLimit);
        }
        newCallQueueMillis = Checks.atLeast("database.newCallQueueMillis", newCallQueueMillis, 0,
                Database.Admission.DEFAULT_NEW_CALL_QUEUE_MILLIS);
        if (newCallQueueMillis > MAX_QUEUE_MILLIS) {
            throw new IllegalArgumentException("database.newCallQueueMillis: must be at most " + MAX_QUEUE_MILLIS
                    + ", was " + newCallQueueMillis);
        }
    }

    /** The admission limits of these settings, for {@link Database#open}. */
    public Database.Admission admission() {
        return new Database.Admission(queueLimit, newCallQueueLimit, newCallQueueMillis);
    }
}
