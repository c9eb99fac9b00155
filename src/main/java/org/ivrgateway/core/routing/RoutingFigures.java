package org.ivrgateway.core.routing;

/** A queue's live figures as routing conditions test them (the queue figures of QueryQueueStatistics are core.stats.QueueFigures). */
public record RoutingFigures(int callsWaiting, int estimatedWaitSeconds, int agentsAvailable) {
}
