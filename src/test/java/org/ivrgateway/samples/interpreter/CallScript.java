package org.ivrgateway.samples.interpreter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The scripted side of a call: who calls whom (the session's connection variables), what the caller keys in
 * field after field, when the caller hangs up, what the switch makes of each transfer, and who listens to
 * the call as it runs (a test that makes an agent available when the call starts waiting). It also says what
 * kind of platform plays the call: one without the builtin grammars that VoiceXML 2.0 §2.3.1 makes optional,
 * one whose {@code session.connection.local.uri} carries no number, one whose transfers fail
 * ({@link TransferOutcome}) or whose fetches fail now and then.
 */
public final class CallScript {
    final String remoteUri;
    String localUri;
    final Deque<CallerInput> inputs = new ArrayDeque<>();
    CallerInput afterInputs = CallerInput.hangUp();
    boolean builtinGrammars = true;
    final List<Predicate<Trace.Fetched>> failingFetches = new ArrayList<>();
    final List<Consumer<Trace>> listeners = new ArrayList<>();
    final List<Predicate<Trace>> hangUpTriggers = new ArrayList<>();
    Function<String, TransferOutcome> transfers = destination -> TransferOutcome.CONNECTED;
    int maxSteps = 1000;
    Duration deadline = Duration.ofSeconds(90);

    private CallScript(String remoteUri, String localUri) {
        this.remoteUri = remoteUri;
        this.localUri = localUri;
    }

    /** A call from {@code ani} to {@code local} ({@code session.connection.remote.uri} / {@code local.uri}). */
    public static CallScript call(String ani, String local) {
        // tel: URIs with the numbers, as most platforms give them; localUri(...) gives another.
        return new CallScript("tel:" + ani, "tel:" + local);
    }

    /** The caller's next inputs, one per field that waits, in order. */
    public CallScript then(CallerInput... next) {
        inputs.addAll(List.of(next));
        return this;
    }

    /**
     * What the caller does at every field once the scripted inputs are used up: by default hangs up; a caller
     * who holds the line in silence is {@code thenRepeat(CallerInput.silence())}, a stuck key
     * {@code thenRepeat(CallerInput.dtmf("*"))}.
     */
    public CallScript thenRepeat(CallerInput input) {
        this.afterInputs = input;
        return this;
    }

    /** The platform's {@code session.connection.local.uri}, as given ({@code sip:ivr@platform}: no number in it). */
    public CallScript localUri(String uri) {
        this.localUri = uri;
        return this;
    }

    /**
     * A platform without the builtin grammars (VoiceXML 2.0 §2.3.1 makes them optional): a field with a
     * {@code type} or a {@code builtin:} grammar throws {@code error.unsupported.builtin}.
     */
    public CallScript withoutBuiltinGrammars() {
        this.builtinGrammars = false;
        return this;
    }

    /** The first fetch that matches fails with {@code error.badfetch}, as a network failure would. */
    public CallScript failFetchOnce(Predicate<Trace.Fetched> fetch) {
        failingFetches.add(fetch);
        return this;
    }

    /** Shorthand: the caller keys these DTMF strings, one per field. */
    public CallScript press(String... digits) {
        for (String d : digits) inputs.add(CallerInput.dtmf(d));
        return this;
    }

    /** The switch's answer to each transfer, given the destination as written ({@code tel:5001}). */
    public CallScript onTransfer(Function<String, TransferOutcome> outcome) {
        this.transfers = outcome;
        return this;
    }

    /** Called with every trace as it happens, on the interpreter's thread (before the call goes on). */
    public CallScript listen(Consumer<Trace> listener) {
        listeners.add(listener);
        return this;
    }

    /** The caller hangs up just after the first trace that matches; the application hears it at its next prompt or field. */
    public CallScript hangUpAfter(Predicate<Trace> trigger) {
        hangUpTriggers.add(trigger);
        return this;
    }

    /** A bound on form items run, so that a looping application ends the test instead of hanging it. */
    public CallScript maxSteps(int steps) {
        this.maxSteps = steps;
        return this;
    }

    public CallScript deadline(Duration limit) {
        this.deadline = limit;
        return this;
    }
}
