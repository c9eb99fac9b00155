package org.ivrgateway.api;

/**
 * The root of the failures that the API reports as a return code. Thrown inside the core where a check
 * fails deep in a call chain, and turned into a {@link Result} at the edge of {@link IvrApi#invoke}; it
 * never reaches a VoiceXML caller as an exception.
 */
public class IvrException extends RuntimeException {
    private final ReturnCode code;

    public IvrException(ReturnCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public IvrException(ReturnCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public ReturnCode code() {
        return code;
    }
}
