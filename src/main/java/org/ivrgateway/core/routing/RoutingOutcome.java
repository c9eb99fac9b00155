package org.ivrgateway.core.routing;

import org.ivrgateway.api.RoutingDecision;

/**
 * QueryRoutingInfo's answer. Enqueue: destination is the queue, with priority, description and an optional
 * agent (empty, wait 0 when none). Transfer: destination. Disconnect: destination empty. Fields that do not
 * apply are empty strings or 0.
 */
public record RoutingOutcome(RoutingDecision decision, String destination, String agentId, int agentWaitTime,
                             String description, int priority) {

    static RoutingOutcome transfer(String destination) {
        return new RoutingOutcome(RoutingDecision.TRANSFER, destination, "", 0, "", 0);
    }

    static RoutingOutcome disconnect() {
        return new RoutingOutcome(RoutingDecision.DISCONNECT, "", "", 0, "", 0);
    }
}
