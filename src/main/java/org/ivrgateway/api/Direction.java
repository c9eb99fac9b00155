package org.ivrgateway.api;

/**
 * How a parameter travels, as in chapter 4.1 of the guide.
 *
 * <p>By-reference parameters are returned to the caller as result variables. A few of them also carry
 * input (QueryAgentStatus's {@code AgentID} and {@code Device}, CreateCallback's {@code CallID}):
 * those are {@link #IN_OUT}, read from the request and returned.
 */
public enum Direction {
    /** Passed by value: input only. */
    IN,
    /** Passed by reference: output only. */
    OUT,
    /** Passed by reference, and the caller also supplies a value. */
    IN_OUT;

    public boolean isInput() {
        return this != OUT;
    }

    public boolean isOutput() {
        return this != IN;
    }
}
