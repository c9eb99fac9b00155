package org.ivrgateway.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The records that the read views, REST and the console show. Times are instants; durations seconds. */
public final class Views {
    private Views() {
    }

    /** {@code reason}: why the center put the agent in this state ("ring no answer"), else null. */
    public record Agent(String id, String name, String device, AgentStatus status, Instant since,
                        List<String> queues, String callId, String reason) {
    }

    public record Call(String callId, String device, String ani, String dnis, boolean monitored,
                       String queue, int priority, int status, String extension, Instant queuedAt,
                       String agentId, String description, String display, String businessUnit,
                       Map<String, String> contactData) {
    }

    public record Queue(String name, String businessUnit, String pilot, int callsWaiting, int oldestWaitSeconds,
                        int estimatedWaitSeconds, int averageWaitSeconds, int serviceLevel,
                        Map<AgentStatus, Integer> agentsByStatus) {
    }

    /** An operation for the switch side: TRANSFER, DISCONNECT, REDIRECT, DISPLAY or ARRIVAL. */
    public record SwitchEvent(long id, String type, String callId, String destination, String detail,
                              Instant createdAt) {
    }

    public record SystemStatus(int overall, Map<String, Integer> components) {
    }
}
