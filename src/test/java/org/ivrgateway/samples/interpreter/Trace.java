package org.ivrgateway.samples.interpreter;

import java.net.URI;
import java.util.Map;

/** One thing that happened during a call, in the order it happened. */
public sealed interface Trace {

    /** A document fetched: {@code params} are what was sent (query or form body). */
    record Fetched(String method, URI uri, Map<String, String> params) implements Trace {
        /** The last path segment, such as "Enqueue" for a gateway function. */
        public String name() {
            String path = uri.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /**
     * A subdialog that returned: its form item's name, the function or document it ran (the last path
     * segment of its URI, "QueryCallStatus"), and the variables it returned, as text.
     */
    record Returned(String item, String name, Map<String, String> values) implements Trace {
    }

    /** A prompt played to the caller (its text, values filled in). */
    record Prompted(String text) implements Trace {
    }

    /** A {@code <log>}. */
    record Logged(String label, String text) implements Trace {
    }

    /** The caller's input for a field, as scripted. */
    record Collected(String field, String input) implements Trace {
    }

    /** A {@code <transfer>}: the destination as written ({@code tel:5001}) and the scripted outcome. */
    record Transferred(String destination, TransferOutcome outcome) implements Trace {
        /** The destination without its URI scheme: {@code tel:5001} gives {@code 5001}. */
        public String number() {
            return TransferOutcome.numberOf(destination);
        }
    }

    /** A {@code <disconnect>} by the application. */
    record Disconnected() implements Trace {
    }

    /** An event thrown (by the application, the platform or the caller). */
    record Thrown(String event, String message) implements Trace {
    }

    /** The end of the call's interpretation and why. */
    record Ended(String how) implements Trace {
    }
}
