package org.ivrgateway.config;

/**
 * {@code gateway:} — how long a QueryCallStatus may block (VoiceXML browsers give up on a fetch after
 * their fetchtimeout, 7 s in some), how long an idle API session lives, and where the VoiceXML templates
 * come from (null: the built-in ones).
 */
public record GatewaySettings(Integer maxWaitMillis, Integer sessionIdleSeconds, String templates) {
    public static final GatewaySettings DEFAULT = new GatewaySettings(null, null, null);

    public GatewaySettings {
        maxWaitMillis = Checks.atLeast("gateway.maxWaitMillis", maxWaitMillis, 0, 5000);
        sessionIdleSeconds = Checks.atLeast("gateway.sessionIdleSeconds", sessionIdleSeconds, 1, 600);
    }
}
