package org.ivrgateway.api;

/** QueryRoutingInfo's successful return codes: what the script must do with the call. */
public enum RoutingDecision {
    /** Enqueue the call with the returned queue (Destination), priority, description and optional agent. */
    ENQUEUE(0),
    /** Disconnect the call. */
    DISCONNECT(1),
    /** Transfer the call to the returned Destination. */
    TRANSFER(2);

    private final int code;

    RoutingDecision(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
