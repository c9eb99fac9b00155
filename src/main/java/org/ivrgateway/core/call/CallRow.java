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
        Long due = nextTimerMs();
        return due != null && due <= now;
    }

    private static Long earliest(Long a, Long b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.min(a, b);
    }
}
