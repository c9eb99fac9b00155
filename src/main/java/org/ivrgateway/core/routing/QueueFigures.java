package org.ivrgateway.core.routing;

/** A queue's live figures as routing conditions test them. */
public record QueueFigures(int callsWaiting, int estimatedWaitSeconds, int agentsAvailable) {
}
