package org.ivrgateway.core.call;

import org.ivrgateway.api.CallStatus;

/**
 * One call as stored. {@code status} is QueryCallStatus's code; {@code device} is the IVR device the call
 * is at (null once it left the IVR); {@code inCenter} is true once it reached a queue's pilot or a
 * transit number, so the switch holds it and the core redirects it; {@code agentId} is the agent it was
 * handed to.
 */
public record CallRow(String callId, String uuid, boolean monitored, String device, String ani, String dnis,
                      int visits, boolean fmnq, int status, String extension, String queue, Integer priority,
                      String description, Boolean ivrHold, boolean inCenter, Long queuedMs, Long overflowMs,
                      String reservedAgent, Long reservedUntilMs, String agentId, boolean transferable,
                      String businessUnit, String display, boolean ended, long createdMs, Long endedMs,
                      long version) {

    public boolean isQueued() {
        return !ended && status == CallStatus.QUEUED.code();
    }

    public boolean isReservedAt(long now) {
        return reservedAgent != null && reservedUntilMs != null && reservedUntilMs > now;
    }
}
