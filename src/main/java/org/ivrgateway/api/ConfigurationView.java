package org.ivrgateway.api;

import java.util.List;

/**
 * The contact center's configuration as the console shows it (its configuration page, the devices and
 * numbers its agent desktop and telephony panel offer): plain values, made once from the loaded
 * configuration, so that the console reads a view and nothing of the configuration records.
 */
public record ConfigurationView(String platform, boolean multiTenant, List<String> businessUnits,
                                String adminServerName, int maxWaitMillis, int sessionIdleSeconds,
                                int statisticsWindowMinutes, List<Queue> queues, List<Agent> agents,
                                List<String> ivrDevices, List<String> agentDevices, List<String> transitNumbers,
                                int transitExpirySeconds, Callbacks callbacks, List<Rule> routing) {

    /** A configured queue; {@code overflow} is null when it has none. */
    public record Queue(String name, String businessUnit, String pilot, int serviceLevelSeconds, Overflow overflow) {
    }

    public record Overflow(int afterSeconds, String destination) {
    }

    public record Agent(String id, String name, List<String> queues, int wrapUpSeconds) {
    }

    /** The callback settings; {@code hours} one line a day open ("Monday 08:00–18:00"), in week order. */
    public record Callbacks(List<String> queues, String timeZone, List<String> hours, List<String> excludedNumbers,
                            int maxDaysAhead) {
    }

    /** A routing rule in words: its conditions ("always" when it has none) and what it decides. */
    public record Rule(String when, String then) {
    }

    /** The agents' IDs, in the configuration's order. */
    public List<String> agentIds() {
        return agents.stream().map(Agent::id).toList();
    }

    /** Every number a call can arrive at: the transit numbers, then the queues' ACD pilots. */
    public List<String> arrivalNumbers() {
        List<String> numbers = new java.util.ArrayList<>(transitNumbers);
        queues.stream().map(Queue::pilot).filter(p -> p != null).forEach(numbers::add);
        return List.copyOf(numbers);
    }
}
