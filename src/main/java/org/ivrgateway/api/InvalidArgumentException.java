package org.ivrgateway.api;

/** A parameter value that the catalog rejects: wrong type, out of range, too long, or missing. Maps to -306. */
public final class InvalidArgumentException extends IvrException {
    private final String parameter;

    public InvalidArgumentException(String parameter, String problem) {
        super(ReturnCode.INVALID_PARAMETER, parameter + " " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
