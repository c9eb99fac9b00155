package org.ivrgateway.samples.interpreter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one call that every execution context shares: the script engine, the fetcher, the scripted
 * caller and switch, the record, whether the caller is gone, and the bounds that stop a runaway application.
 */
final class Platform {
    static final String BUDGET_SPENT = "step budget or deadline spent";
    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    final Scripting scripting = new Scripting();
    final DocumentLoader loader = new DocumentLoader();
    final CallScript script;
    private final List<Trace> traces = new ArrayList<>();
    private final List<Predicate<Trace>> hangUpTriggers;
    private final List<Predicate<Trace.Fetched>> failingFetches;
    private final Instant deadline;
    private boolean hangUpPending;
    private boolean callerGone;
    private int steps;

    Platform(CallScript script) {
        this.script = script;
        this.hangUpTriggers = new ArrayList<>(script.hangUpTriggers);
        this.failingFetches = new ArrayList<>(script.failingFetches);
        this.deadline = Instant.now().plus(script.deadline);
    }

    void record(Trace trace) {
        traces.add(trace);
        log.debug("{}", trace);
        script.listeners.forEach(l -> l.accept(trace));
        if (hangUpTriggers.removeIf(t -> t.test(trace))) hangUpPending = true;
    }

    List<Trace> traces() {
        return traces;
    }

    /** Fetches a document for the application, recording the fetch (and its failure, if any). */
    DocumentLoader.Fetch fetch(java.net.URI uri, String method, java.util.Map<String, String> values) {
        Trace.Fetched fetched = new Trace.Fetched(method == null || method.isEmpty() ? "get"
                : method.toLowerCase(java.util.Locale.ROOT), uri, java.util.Map.copyOf(values));
        record(fetched);
        if (failingFetches.removeIf(f -> f.test(fetched))) {
            return new DocumentLoader.Failed("error.badfetch", uri + ": the scripted network failed this fetch");
        }
        return loader.fetch(uri, method, values);
    }

    /** The caller's input for the next field that waits: the scripted one, else what the script repeats. */
    CallerInput nextInput() {
        CallerInput next = script.inputs.poll();
        return next != null ? next : script.afterInputs;
    }

    /** The caller hung up and the application has not heard it yet; hearing it clears it. */
    boolean takePendingHangUp() {
        boolean pending = hangUpPending && !callerGone;
        if (pending) {
            hangUpPending = false;
            callerGone = true;
        }
        return pending;
    }

    /** The line is down: hung up, disconnected or transferred away. Prompts go nowhere, fields get nothing. */
    boolean callerGone() {
        return callerGone;
    }

    void lineDown() {
        callerGone = true;
        hangUpPending = false;
    }

    int steps() {
        return steps;
    }

    /** Counts one form item; false once the step budget or the deadline is spent. */
    boolean step() {
        steps++;
        return steps <= script.maxSteps && Instant.now().isBefore(deadline);
    }
}
