package org.ivrgateway.config;

import org.ivrgateway.store.Database;

/**
 * {@code database:} — {@code poolSize}, the connections this node keeps to the database (2..500, default
 * 8: see docs/RELIABILITY.md for the measurement behind it). A request waits for one of them at most until
 * its deadline, never in the pool.
 */
public record DatabaseSettings(Integer poolSize) {
    public static final int MAX_POOL_SIZE = 500;
    public static final DatabaseSettings DEFAULT = new DatabaseSettings(null);

    public DatabaseSettings {
        poolSize = Checks.atLeast("database.poolSize", poolSize, 2, Database.DEFAULT_POOL_SIZE);
        if (poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("database.poolSize: must be at most " + MAX_POOL_SIZE + ", was " + poolSize);
        }
    }
}
