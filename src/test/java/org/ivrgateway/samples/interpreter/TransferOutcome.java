package org.ivrgateway.samples.interpreter;

import java.util.Locale;

/**
 * What the scripted switch makes of a {@code <transfer>}. A blind transfer that connects ends the call for
 * the application ({@code connection.disconnect.transfer}); the others fill the transfer's form item with the
 * VoiceXML result name ({@code busy}, {@code noanswer}, {@code network_busy}).
 */
public enum TransferOutcome {
    CONNECTED, BUSY, NOANSWER, NETWORK_BUSY;

    /** The value of the transfer's form item variable for this outcome (bridged CONNECTED: the far end hung up). */
    String resultName() {
        return this == CONNECTED ? "far_end_disconnect" : name().toLowerCase(Locale.ROOT);
    }

    /** A transfer destination without its scheme and host: {@code tel:5001} and {@code sip:5001@pbx} give 5001. */
    public static String numberOf(String destination) {
        String d = destination.strip();
        int colon = d.indexOf(':');
        if (colon >= 0) d = d.substring(colon + 1);
        int at = d.indexOf('@');
        return at >= 0 ? d.substring(0, at) : d;
    }
}
