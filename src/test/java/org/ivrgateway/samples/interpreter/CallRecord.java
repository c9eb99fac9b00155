package org.ivrgateway.samples.interpreter;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Everything that happened in one call, in order, how it ended, and how many form items it ran. */
public record CallRecord(List<Trace> traces, int steps) {

    public CallRecord {
        traces = List.copyOf(traces);
    }

    public <T extends Trace> List<T> all(Class<T> kind) {
        return traces.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public List<Trace.Transferred> transfers() {
        return all(Trace.Transferred.class);
    }

    public List<String> prompts() {
        return all(Trace.Prompted.class).stream().map(Trace.Prompted::text).toList();
    }

    /** The fetches of one document or gateway function, by its last path segment ("QueryCallStatus"). */
    public List<Trace.Fetched> fetches(String name) {
        return all(Trace.Fetched.class).stream().filter(f -> f.name().equalsIgnoreCase(name)).toList();
    }

    /** What the subdialogs of one function returned, in order ("QueryCallStatus"). */
    public List<Map<String, String>> returned(String name) {
        return all(Trace.Returned.class).stream().filter(r -> r.name().equalsIgnoreCase(name))
                .map(Trace.Returned::values).toList();
    }

    /** The interpreter stopped the call because it ran past its step budget or deadline: a loop that never ends. */
    public boolean stoppedByTheBudget() {
        return ending().equals(Platform.BUDGET_SPENT);
    }

    public List<String> events() {
        return all(Trace.Thrown.class).stream().map(Trace.Thrown::event).toList();
    }

    public boolean disconnected() {
        return !all(Trace.Disconnected.class).isEmpty();
    }

    public String ending() {
        List<Trace.Ended> ends = all(Trace.Ended.class);
        return ends.isEmpty() ? "(running)" : ends.getLast().how();
    }

    /** The destination number of the last transfer ({@code tel:5001} gives 5001), or null. */
    public String lastTransferNumber() {
        List<Trace.Transferred> t = transfers();
        return t.isEmpty() ? null : t.getLast().number();
    }

    /** Logs whose label matches, as "label: text". */
    public List<String> logs(Predicate<String> label) {
        return all(Trace.Logged.class).stream().filter(l -> label.test(l.label()))
                .map(l -> l.label() + ": " + l.text()).toList();
    }

    /** The whole call, one trace a line, for assertion messages. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        traces.forEach(t -> b.append("  ").append(t).append('\n'));
        return b.toString();
    }
}
