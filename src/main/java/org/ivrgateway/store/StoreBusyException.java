package org.ivrgateway.store;

import java.sql.SQLException;

/**
 * No connection came free before the caller's deadline (or the connection timeout) while the database itself
 * answers: the node is saturated, not cut off. The IVR API answers it -701 ("the server may be busy"), so a
 * script retries instead of sending the caller to its "system down" fallback, which -801 would.
 */
public final class StoreBusyException extends StoreException {

    public StoreBusyException(SQLException cause) {
        super("no database connection free in time", cause);
    }
}
