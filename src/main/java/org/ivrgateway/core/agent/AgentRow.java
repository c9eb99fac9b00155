package org.ivrgateway.core.agent;

import org.ivrgateway.api.AgentStatus;

/**
 * A logged-on agent as stored: device, state and since when, since when idle (longest idle is served
 * first), the call handed to them, when their wrap-up ends (null: until they end it), and why the center
 * put them in this state ("ring no answer"; null when they chose it).
 */
public record AgentRow(String agentId, String device, AgentStatus status, long sinceMs, Long idleSinceMs,
                       String callId, Long wrapUpUntilMs, String reason) {

    public boolean onCall() {
        return callId != null;
    }
}
