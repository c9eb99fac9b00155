package org.ivrgateway.api;

/** The guide's 16 agent states (QueryAgentStatus's AgentStatus, section 4.14), with their codes. */
public enum AgentStatus {
    DIALING(1),
    LINE_BUSY(2),
    RINGING(3),
    TALKING(4),
    LINE_QUEUED(5),
    ON_HOLD(6),
    CONSULTING(7),
    OUT_OF_SERVICE(8),
    AVAILABLE(9),
    UNAVAILABLE(10),
    /** Wrap-up ("Traitement"): after a call, before becoming available again. */
    WORK(11),
    LOGGED_OFF(12),
    UNKNOWN(13),
    WAITING(14),
    PROCESSING(15),
    FOLLOW_UP(16);

    private final int code;

    AgentStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AgentStatus of(int code) {
        for (AgentStatus s : values()) {
            if (s.code == code) return s;
        }
        throw new IllegalArgumentException("no agent status " + code);
    }
}
