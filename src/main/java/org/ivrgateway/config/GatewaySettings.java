package org.ivrgateway.config;

/**
 * {@code gateway:} — how long a QueryCallStatus may block (VoiceXML browsers give up on a fetch after
 * their fetchtimeout, 7 s in some), how long an idle API session lives, where the VoiceXML templates
 * come from (null: the built-in ones), and {@code newCallDelayMillis}: past what a node's processors can
 * serve, new calls are refused at the HTTP edge while even the quickest request of the last 100 ms waited
 * longer than this for a thread (default 50; 0 turns the rule off; docs/RELIABILITY.md, "Admission control").
 */
public record GatewaySettings(Integer maxWaitMillis, Integer sessionIdleSeconds, String templates,
                              Integer newCallDelayMillis) {
    public static final GatewaySettings DEFAULT = new GatewaySettings(null, null, null, null);
    /** No request may be refused for waiting less than this: the rule is meant for a node saturated for seconds. */
    private static final int MAX_NEW_CALL_DELAY_MILLIS = 10_000;

    public GatewaySettings {
        maxWaitMillis = Checks.atLeast("gateway.maxWaitMillis", maxWaitMillis, 0, 5000);
        sessionIdleSeconds = Checks.atLeast("gateway.sessionIdleSeconds", sessionIdleSeconds, 1, 600);
        newCallDelayMillis = Checks.atLeast("gateway.newCallDelayMillis", newCallDelayMillis, 0, 50);
        if (newCallDelayMillis > MAX_NEW_CALL_DELAY_MILLIS) {
            throw new IllegalArgumentException("gateway.newCallDelayMillis: must be at most " + MAX_NEW_CALL_DELAY_MILLIS
                    + ", was " + newCallDelayMillis);
        }
    }

    public GatewaySettings(Integer maxWaitMillis, Integer sessionIdleSeconds, String templates) {
        this(maxWaitMillis, sessionIdleSeconds, templates, null);
    }
}
