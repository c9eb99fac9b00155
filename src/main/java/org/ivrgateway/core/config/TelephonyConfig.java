package org.ivrgateway.core.config;

/**
 * {@code telephony:} — {@code heartbeatSeconds}: 0 (the default) when the telephony side has no connection
 * to lose (the built-in REST telephony), so QuerySystemStatus reports the T-Server operational; above 0, the
 * T-Server is operational only while the telephony side spoke to the core (a report or a heartbeat) within
 * that many seconds (docs/CONFORMANCE.md, QuerySystemStatus).
 */
public record TelephonyConfig(Integer heartbeatSeconds) {
    public static final TelephonyConfig DEFAULT = new TelephonyConfig(null);

    public TelephonyConfig {
        heartbeatSeconds = Checks.atLeast("telephony.heartbeatSeconds", heartbeatSeconds, 0, 0);
    }

    /** True when the T-Server's state follows the telephony side's heartbeat. */
    public boolean watchesHeartbeat() {
        return heartbeatSeconds > 0;
    }
}
