package org.ivrgateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database that holds all live state (CONTRACT §5): a HikariCP pool over H2 or PostgreSQL, migrated
 * by Flyway from {@code db/migration} when opened, so every node that opens the same URL sees the same
 * schema. Work runs in {@link #inTransaction}; a failure to reach the database becomes
 * {@link StoreUnavailableException} (-801 at the API's edge).
 */
public final class Database implements AutoCloseable {

    /** One unit of work on one connection, committed when it returns. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
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
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, "sa", "", 16);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw StoreException.from(e);
        }
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
