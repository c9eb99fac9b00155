package org.ivrgateway.store;

/**
 * The database cannot be reached: the IVR API answers -801, REST 503, and QuerySystemStatus reports overall
 * status 0. The message is ours alone; the driver's text stays in the cause, for the log.
 */
public final class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(Throwable cause) {
        super("the database cannot be reached", cause);
    }
}
