package org.ivrgateway.web.rest;

import java.util.Set;
import org.ivrgateway.api.ReturnCode;

/**
 * The HTTP status for a return code of a rejected REST request: the unknown thing is 404, the bad input 400,
 * what the current state does not allow 409, the database unreachable or the node too busy 503; only a failure of our own is 500.
 */
final class ErrorStatus {
    private static final Set<ReturnCode> NOT_FOUND = Set.of(ReturnCode.NO_CALL, ReturnCode.UNKNOWN_AGENT,
            ReturnCode.UNKNOWN_DEVICE, ReturnCode.UNKNOWN_QUEUE, ReturnCode.UNKNOWN_BUSINESS_UNIT,
            ReturnCode.INVALID_CALLBACK_ID);
    private static final Set<ReturnCode> BAD_REQUEST = Set.of(ReturnCode.INVALID_PARAMETER,
            ReturnCode.CONTACT_DATA_KEY_NOT_SET, ReturnCode.INVALID_TO_DEVICE);
    private static final Set<ReturnCode> UNAVAILABLE = Set.of(ReturnCode.SERVER_UNREACHABLE,
            ReturnCode.TSERVER_UNAVAILABLE, ReturnCode.TSERVER_UNAVAILABLE_FOR_QUEUE, ReturnCode.LOW_RESOURCES);

    private ErrorStatus() {
    }

    static int of(ReturnCode code) {
        if (NOT_FOUND.contains(code)) return 404;
        if (BAD_REQUEST.contains(code)) return 400;
        if (UNAVAILABLE.contains(code)) return 503;
        // On REST, -701 is a node too busy to take the request now (no connection free in time, or refused by
        // admission control): 503 with Retry-After, like the database away (docs/RELIABILITY.md).
        if (code == ReturnCode.TIMEOUT) return 503;
        if (code == ReturnCode.UNKNOWN_ERROR) return 500;
        return 409;
    }
}
