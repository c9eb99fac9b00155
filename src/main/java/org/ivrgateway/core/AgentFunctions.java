package org.ivrgateway.core;

import java.util.Optional;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.InvalidArgumentException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.agent.AgentRow;

/**
 * QueryAgentStatus: by AgentID (a configured agent, else -904) or by Device (a configured agent device,
 * else -909); the other one is filled in when someone is logged on. A logged-off agent or an empty device
 * answers status 12 (logged off). Neither given: -306.
 */
final class AgentFunctions {
    private final Parts parts;

    AgentFunctions(Parts parts) {
        this.parts = parts;
    }

    Result queryAgentStatus(Request r) {
        String agentId = r.args().string("AgentID");
        String device = r.args().string("Device");
        Optional<AgentRow> row;
        if (agentId != null) {
            parts.desk().configured(agentId);
            row = parts.store().transaction(tx -> parts.agents().find(tx, agentId));
        } else if (device != null) {
            if (!parts.config().agentDevices().contains(device)) {
                throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "no agent device " + device);
            }
            row = parts.store().transaction(tx -> parts.agents().atDevice(tx, device));
        } else {
            throw new InvalidArgumentException("AgentID", "or Device is required by QueryAgentStatus");
        }
        AgentStatus status = row.map(AgentRow::status).orElse(AgentStatus.LOGGED_OFF);
        return r.success().with("AgentID", row.map(AgentRow::agentId).orElse(agentId))
                .with("Device", row.map(AgentRow::device).orElse(device)).with("AgentStatus", status.code());
    }
}
