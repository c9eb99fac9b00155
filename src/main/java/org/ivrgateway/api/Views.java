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

    /**
     * A callback (docs/CALLBACKS.md): what CreateCallback stored, its state (PENDING, QUEUED, OFFERED,
     * DIALING, ANSWERED, FAILED, EXPIRED, CANCELLED), the call that stands for it in its callback queue
     * while it waits ({@code queuedCallId}, with the agent it is offered to), and every attempt so far.
     */
    public record Callback(String callbackId, String callId, String queue, String status, String contactName,
                           String description, List<String> schedules, Map<String, String> contactData,
                           int attempts, int maxAttempts, Instant notBefore, String queuedCallId,
                           String offeredTo, List<CallbackAttempt> attemptList) {
    }

    /** One attempt of a callback: the number dialled, by which agent, when, and how it ended (null: going on). */
    public record CallbackAttempt(int seq, String phone, String agentId, Instant startedAt, String outcome,
                                  Instant endedAt) {
    }

    /**
     * One queue's figures for one 15-minute interval (or, as {@code total}, the whole day), counted for the
     * calls that entered the queue in it (docs/REPORTS.md).
     */
    public record QueueInterval(Instant start, int offered, int answered, int answeredInThreshold,
                                int abandonedInThreshold, int abandonedAfterThreshold, int overflowed,
                                int serviceLevel, int averageWaitSeconds, int longestWaitSeconds,
                                int averageHandleSeconds) {
    }

    /** A queue's day: its total and its 96 intervals. */
    public record QueueDay(String queue, QueueInterval total, List<QueueInterval> intervals) {
    }

    /** An agent's day: calls handled, and the time spent talking, in wrap-up and available. */
    public record AgentDay(String agentId, String name, int callsHandled, long talkSeconds, long wrapUpSeconds,
                           long availableSeconds) {
    }

    /** The report of one day in the center's time zone. */
    public record Report<T>(String day, String timeZone, List<T> rows) {
    }

    /** An operation for the switch side: TRANSFER, DISCONNECT, REDIRECT, DISPLAY or ARRIVAL. */
    public record SwitchEvent(long id, String type, String callId, String destination, String detail,
                              Instant createdAt) {
    }

    public record SystemStatus(int overall, Map<String, Integer> components) {
    }
}
