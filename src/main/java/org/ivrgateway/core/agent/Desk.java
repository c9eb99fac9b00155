package org.ivrgateway.core.agent;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Tx;

/**
 * What agents may do (docs/ARCHITECTURE.md). Logging on puts an agent in UNAVAILABLE, as a contact center
 * does: they make themselves AVAILABLE when ready. They can always change state or log off, whatever
 * became of their calls: the call they hold is let go first (a ringing one goes back to its queue).
 */
public final class Desk {
    private final CenterConfig config;
    private final Agents agents;

    public Desk(CenterConfig config, Agents agents) {
        this.config = config;
        this.agents = agents;
    }

    public void login(Tx tx, String agentId, String device) throws SQLException {
        configured(agentId);
        if (device == null || !config.agentDevices().contains(device)) {
            throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "device " + device + " is not an agent device");
        }
        Optional<AgentRow> current = agents.find(tx, agentId);
        if (current.isPresent()) {
            if (current.get().device().equals(device)) return;
            throw new IvrException(ReturnCode.OPERATION_FAILED,
                    "agent " + agentId + " is already logged on at " + current.get().device());
        }
        Optional<AgentRow> other = agents.atDevice(tx, device);
        if (other.isPresent()) {
            throw new IvrException(ReturnCode.OPERATION_FAILED,
                    "device " + device + " is used by agent " + other.get().agentId());
        }
        agents.logOn(tx, agentId, device, AgentStatus.UNAVAILABLE);
    }

    /** -306 unless {@code requested} is one an agent may choose: AVAILABLE, UNAVAILABLE or WORK. */
    public void checkState(String agentId, AgentStatus requested) {
        configured(agentId);
        if (requested != AgentStatus.AVAILABLE && requested != AgentStatus.UNAVAILABLE
                && requested != AgentStatus.WORK) {
            throw new IvrException(ReturnCode.INVALID_PARAMETER,
                    "state must be AVAILABLE, UNAVAILABLE or WORK, was " + requested);
        }
    }

    /**
     * AVAILABLE, UNAVAILABLE or WORK; AVAILABLE from WORK ends wrap-up. Always possible for a logged-on
     * agent: the caller has let go of any call the agent held (Router.releaseAgent).
     */
    public void changeState(Tx tx, String agentId, AgentStatus requested) throws SQLException {
        checkState(agentId, requested);
        AgentRow row = loggedOn(tx, agentId);
        if (row.status() == requested && !row.onCall()) return; // keeps the idle time of an agent already available
        agents.setState(tx, agentId, requested, null);
    }

    /** Always possible: the caller has let go of any call the agent held (Router.releaseAgent). */
    public void logout(Tx tx, String agentId) throws SQLException {
        configured(agentId);
        agents.logOff(tx, agentId);
    }

    public Views.Agent view(Tx tx, String agentId) throws SQLException {
        AgentConfig a = configured(agentId);
        return view(a, agents.find(tx, agentId));
    }

    public static Views.Agent view(AgentConfig a, Optional<AgentRow> row) {
        return row.map(r -> new Views.Agent(a.id(), a.name(), r.device(), r.status(), Instant.ofEpochMilli(r.sinceMs()),
                        a.queues(), r.callId(), r.reason()))
                .orElseGet(() -> new Views.Agent(a.id(), a.name(), null, AgentStatus.LOGGED_OFF, null, a.queues(), null,
                        null));
    }

    public AgentConfig configured(String agentId) {
        return config.agent(agentId).orElseThrow(
                () -> new IvrException(ReturnCode.UNKNOWN_AGENT, "no agent " + agentId));
    }

    private AgentRow loggedOn(Tx tx, String agentId) throws SQLException {
        return agents.find(tx, agentId).orElseThrow(
                () -> new IvrException(ReturnCode.OPERATION_FAILED, "agent " + agentId + " is not logged on"));
    }
}
