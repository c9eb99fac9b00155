package org.ivrgateway.core.queue;

import org.ivrgateway.config.QueueConfig;

/** Where and how a call is queued: Enqueue's and EnqueueForAgent's inputs, checked. */
public record Placement(QueueConfig queue, int priority, String description, boolean ivrHold, String agentId,
                        int agentWaitSeconds, String ani, String dnis) {
}
