package org.ivrgateway.samples.interpreter;

import java.util.Locale;

/**
 * What the scripted switch makes of a {@code <transfer>}. A blind transfer that connects ends the call for
 * the application ({@code connection.disconnect.transfer}); BUSY, NOANSWER and NETWORK_BUSY fill the
 * transfer's form item with the VoiceXML result name ({@code busy}, {@code noanswer}, {@code network_busy});
 * the rest are the errors VoiceXML 2.0 §5.2.6 lets a platform throw instead ({@code error.connection.noroute},
 * {@code error.connection.baddestination}, {@code error.unsupported.transfer.blind}).
 */
public enum TransferOutcome {
    CONNECTED, BUSY, NOANSWER, NETWORK_BUSY,
    NOROUTE("error.connection.noroute"),
    BAD_DESTINATION("error.connection.baddestination"),
    UNSUPPORTED("error.unsupported.transfer.blind");

    private final String error;

    TransferOutcome() {
        this(null);
    }

    TransferOutcome(String error) {
        this.error = error;
    }

    /** The event the platform throws for this outcome, or null when it fills the form item. */
    String error() {
        return error;
    }

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
