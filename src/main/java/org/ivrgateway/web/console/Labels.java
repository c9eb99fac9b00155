package org.ivrgateway.web.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Views;

/** The words and figures the pages print: state names, call statuses, durations. Used by the templates as {@code fmt}. */
public final class Labels {
    private final Clock clock;

    Labels(Clock clock) {
        this.clock = clock;
    }

    public String state(AgentStatus status) {
        return stateName(status);
    }

    static String stateName(AgentStatus status) {
        if (status == null) return "Unknown";
        if (status == AgentStatus.WORK) return "Wrap-up";
        String words = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A CSS class per state, so colour always comes with the state's name, never alone. */
    public String stateClass(AgentStatus status) {
        return "state-" + (status == null ? "unknown" : status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** What the call's status means for whoever looks at it (QueryCallStatus's codes 0–6). */
    public String callStatus(Views.Call call) {
        CallStatus status;
        try {
            status = CallStatus.of(call.status());
        } catch (IllegalArgumentException e) {
            return "Status " + call.status();
        }
        String to = call.extension() == null || call.extension().isBlank() ? "" : " → " + call.extension();
        return switch (status) {
            case IDLE -> "In IVR";
            case QUEUED -> "Queued";
            case WAITING -> "Agent assigned" + to;
            case NO_ANSWER -> "No answer, overflow" + to;
            case ERROR -> "Error" + to;
            case DISCONNECT -> "To disconnect";
            case TRANSFER -> "To transfer" + to;
        };
    }

    public String callClass(Views.Call call) {
        return "call-" + call.status();
    }

    /** Agents of a queue by state, in the guide's order, the empty states left out. */
    public List<Map.Entry<AgentStatus, Integer>> staffed(Views.Queue queue) {
        if (queue.agentsByStatus() == null) return List.of();
        return queue.agentsByStatus().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .toList();
    }

    public String contactData(Map<String, String> data) {
        if (data == null || data.isEmpty()) return "";
        return data.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** "m:ss" or "h:mm:ss" since {@code since}; empty when there is no start. */
    public String since(Instant since) {
        if (since == null) return "";
        return duration(Duration.between(since, clock.instant()).toSeconds());
    }

    /** The start as epoch milliseconds, for the page's script to count on; empty when there is none. */
    public String epoch(Instant since) {
        return since == null ? "" : Long.toString(since.toEpochMilli());
    }

    /** The start of a wait of {@code seconds} now, as epoch milliseconds. */
    public String epochSecondsAgo(int seconds) {
        return Long.toString(clock.millis() - seconds * 1000L);
    }

    public String duration(long seconds) {
        long s = Math.max(0, seconds);
        long h = s / 3600;
        long m = s % 3600 / 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", m, s % 60);
    }

    public String percent(int value) {
        return value + " %";
    }

    public long now() {
        return clock.millis();
    }
}
