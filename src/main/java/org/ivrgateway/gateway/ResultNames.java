package org.ivrgateway.gateway;

/** Names the gateway adds to the catalog's: the return code variable and the session parameter. */
final class ResultNames {
    static final String RETURN_CODE = "ReturnCode";
    static final String SESSION_ID = "SessionID";

    private ResultNames() {
    }
}
