package org.ivrgateway.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;

/**
 * A database failure that is not the caller's fault: -305 at the API's edge, with the cause logged. The
 * message never carries the driver's text (it may quote SQL or values); the cause does, for the log.
 */
public class StoreException extends IvrException {

    public StoreException(String message, Throwable cause) {
        super(ReturnCode.UNKNOWN_ERROR, message, cause);
    }

    StoreException(ReturnCode code, String message, Throwable cause) {
        super(code, message, cause);
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
