package org.ivrgateway.samples.interpreter;

/** What the scripted caller does when a field waits for input. */
public sealed interface CallerInput {

    record Dtmf(String digits) implements CallerInput {
    }

    record Silence() implements CallerInput {
    }

    record HangUp() implements CallerInput {
    }

    static CallerInput dtmf(String digits) {
        return new Dtmf(digits);
    }

    static CallerInput silence() {
        return new Silence();
    }

    static CallerInput hangUp() {
        return new HangUp();
    }
}
