package org.ivrgateway.store;

import java.sql.SQLException;
import org.ivrgateway.api.ReturnCode;

/** The database cannot be reached: the API answers -801 and QuerySystemStatus reports overall status 0. */
public final class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(SQLException cause) {
        super(ReturnCode.SERVER_UNREACHABLE, "database unreachable: " + cause.getMessage(), cause);
    }
}
