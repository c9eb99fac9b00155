package org.ivrgateway.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;

/** A database failure that is not the caller's fault: -305 at the API's edge, with the cause logged. */
public class StoreException extends IvrException {

    public StoreException(String message, Throwable cause) {
        super(ReturnCode.UNKNOWN_ERROR, message, cause);
    }

    StoreException(ReturnCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** Classifies a JDBC failure: connection problems (SQLState class 08, pool timeouts) are "unreachable". */
    public static StoreException from(SQLException e) {
        String state = e.getSQLState();
        boolean connection = e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("90067")));
        return connection ? new StoreUnavailableException(e) : new StoreException(e.getMessage(), e);
    }
}
