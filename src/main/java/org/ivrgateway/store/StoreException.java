package org.ivrgateway.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database failure that is not the caller's fault. The store says what happened, nothing of how an API
 * answers it: the edge that answers maps it ({@link StoreUnavailableException}: the database cannot be
 * reached; {@link StoreBusyException}: no connection came free in time; this class itself: any other
 * failure, an incident). The message never carries the driver's text (it may quote SQL or values); the
 * cause does, for the log. docs/ARCHITECTURE.md, "Exceptions stop at the edge".
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Classifies a JDBC failure: connection problems are "unreachable" — SQLState class 08, PostgreSQL's
     * 57P01..57P03 (administrator shutdown, crash shutdown, cannot connect now), H2's 90067 (connection
     * broken), 90098 (database closed), 90121 (closed at JVM shutdown), and pool timeouts.
     */
    public static StoreException from(SQLException e) {
        String state = e.getSQLState();
        boolean connection = e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P")
                || state.equals("90067") || state.equals("90098") || state.equals("90121")));
        return connection ? new StoreUnavailableException(e) : new StoreException("database failure", e);
    }
}
