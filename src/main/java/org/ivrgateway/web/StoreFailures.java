package org.ivrgateway.web;

import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.StoreBusyException;
import org.ivrgateway.store.StoreException;
import org.ivrgateway.store.StoreUnavailableException;

/**
 * A database failure as the web's answers tell it, with the IVR API's codes: the database unreachable
 * -801 (REST 503), no connection free in time -701 (REST 504), any other an incident (-305, REST 500).
 * The store's exceptions know nothing of the API; this is where the REST API and the console give them a
 * code (the IVR API's invoker does the same for its results). docs/ARCHITECTURE.md, "Exceptions stop at the edge".
 */
public final class StoreFailures {
    private StoreFailures() {
    }

    /** {@code e} as the API failure it answers, its message and cause kept. */
    public static IvrException answer(StoreException e) {
        ReturnCode code = e instanceof StoreUnavailableException ? ReturnCode.SERVER_UNREACHABLE
                : e instanceof StoreBusyException ? ReturnCode.TIMEOUT : ReturnCode.UNKNOWN_ERROR;
        return new IvrException(code, e.getMessage(), e);
    }
}
