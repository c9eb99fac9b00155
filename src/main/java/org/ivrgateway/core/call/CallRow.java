package org.ivrgateway.core.call;

import org.ivrgateway.api.CallStatus;

/**
 * One call as stored. {@code status} is QueryCallStatus's code; {@code device} is the IVR device the call
 * is at (null once it left the IVR); {@code inCenter} is true once it reached a queue's pilot or a
 * transit number, so the switch holds it and the core redirects it; {@code agentId} is the agent it was
 * handed to, {@code answeredMs} when that agent answered; {@code switchCallId} the switch's own identity
 * of the call, when the telephony side gave one.
 */
public record CallRow(String callId, String uuid, boolean monitored, String device, String ani, String dnis,
                      int visits, boolean fmnq, int status, String extension, String queue, Integer priority,
                      String description, Boolean ivrHold, boolean inCenter, Long queuedMs, Long overflowMs,
                      String reservedAgent, Long reservedUntilMs, String agentId, boolean transferable,
                      String businessUnit, String display, boolean ended, long createdMs, Long endedMs,
                      long version, String switchCallId, Long ringUntilMs, Long answeredMs, Integer basePriority) {

    public boolean isQueued() {
        return !ended && status == CallStatus.QUEUED.code();
    }

    /** Handed to an agent who has not answered yet (status 2, the agent RINGING). */
    public boolean isRinging() {
        return !ended && status == CallStatus.WAITING.code() && agentId != null && answeredMs == null;
    }

    public boolean isReservedAt(long now) {
        return reservedAgent != null && reservedUntilMs != null && reservedUntilMs > now;
    }

    /**
     * The call's next timer, the one definition of it (docs/ARCHITECTURE.md, "Timers"): while queued, the
     * overflow or the end of its reservation, whichever is first; while ringing at an agent, ring-no-answer.
     * Null when no timer runs.
     */
    public Long nextTimerMs() {
        if (isQueued()) return earliest(overflowMs, reservedUntilMs);
        if (isRinging()) return ringUntilMs;
        return null;
    }

    public boolean hasDueTimer(long now) {
        return dueTimer(now) != null;
    }

    /** The timers a call runs (docs/ARCHITECTURE.md, "Timers"). */
    public enum Timer {
        /** Queued past its queue's overflow time: status 3 with the overflow destination. */
        OVERFLOW,
        /** Queued for one agent (EnqueueForAgent) past AgentWaitTime: any agent of the queue may take it. */
        RESERVATION_END,
        /** Handed to an agent who did not answer within ringNoAnswerSeconds: back to its place in the queue. */
        RING_NO_ANSWER
    }

    /**
     * Which of the call's timers fires at {@code now}, null when none is due: the same definition as
     * {@link #nextTimerMs}, the overflow first when both of a queued call's timers are due.
     */
    public Timer dueTimer(long now) {
        Long due = nextTimerMs();
        if (due == null || due > now) return null;
        if (isRinging()) return Timer.RING_NO_ANSWER;
        return overflowMs != null && overflowMs <= now ? Timer.OVERFLOW : Timer.RESERVATION_END;
    }

    private static Long earliest(Long a, Long b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.min(a, b);
    }
}
