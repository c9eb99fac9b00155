package org.ivrgateway.core.stats;

import java.util.Map;
import org.ivrgateway.api.AgentStatus;

/**
 * A queue's figures now: calls waiting, the oldest one's wait, the estimated wait of a call entering now,
 * the average wait and service level over the window, and its agents by state.
 */
public record QueueFigures(int callsWaiting, int oldestWaitSeconds, int estimatedWaitSeconds, int averageWaitSeconds,
                           int serviceLevel, int agentsAvailable, Map<AgentStatus, Integer> agentsByStatus) {
}
