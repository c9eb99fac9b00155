package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.Optional;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.InvalidArgumentException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.agent.Desk;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Tx;

/**
 * QueryAgentStatus: by AgentID (a configured agent, else -904) or by Device (a configured agent device,
 * else -909); the other one is filled in when someone is logged on. A logged-off agent or an empty device
 * answers status 12 (logged off). Neither given: -306.
 */
final class AgentFunctions {
    private final CenterConfig config;
    private final Agents agents;
    private final Desk desk;

    AgentFunctions(CenterConfig config, Agents agents, Desk desk) {
        this.config = config;
        this.agents = agents;
        this.desk = desk;
    }

    Result queryAgentStatus(Tx tx, Request r) throws SQLException {
        String agentId = r.args().string(Param.AGENT_ID);
        String device = r.args().string(Param.DEVICE);
        Optional<AgentRow> row;
        if (agentId != null) {
            desk.configured(agentId);
            row = agents.find(tx, agentId);
        } else if (device != null) {
            if (!config.agentDevices().contains(device)) {
                throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "no agent device " + device);
            }
            row = agents.atDevice(tx, device);
        } else {
            throw new InvalidArgumentException(Param.AGENT_ID, "or Device is required by QueryAgentStatus");
        }
        AgentStatus status = row.map(AgentRow::status).orElse(AgentStatus.LOGGED_OFF);
        return r.success().with(Param.AGENT_ID, row.map(AgentRow::agentId).orElse(agentId))
                .with(Param.DEVICE, row.map(AgentRow::device).orElse(device)).with(Param.AGENT_STATUS, status.code());
    }
}
