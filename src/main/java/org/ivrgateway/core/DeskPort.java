package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.Optional;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.agent.Desk;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Router;

/**
 * The {@link AgentDesk} port: agents log on, change state and log off, each in one routing transaction
 * (docs/ARCHITECTURE.md, "Nothing stays stuck": the call an agent holds is let go first), and accept
 * callbacks.
 */
final class DeskPort implements AgentDesk {
    private final CenterConfig config;
    private final Store store;
    private final Agents agents;
    private final Desk desk;
    private final Router router;
    private final CallbackWork callbackWork;
    private final Registrations registrations;

    DeskPort(CenterConfig config, Store store, Agents agents, Desk desk, Router router, CallbackWork callbackWork,
             Registrations registrations) {
        this.config = config;
        this.store = store;
        this.agents = agents;
        this.desk = desk;
        this.router = router;
        this.callbackWork = callbackWork;
        this.registrations = registrations;
    }

    @Override
    public Views.Agent login(String agentId, String device) {
        return store.routing(tx -> {
            desk.login(tx, agentId, device);
            return desk.view(tx, agentId);
        });
    }

    @Override
    public Views.Agent changeState(String agentId, AgentStatus requested) {
        return store.routing(tx -> {
            desk.checkState(agentId, requested);
            releaseCall(tx, agentId);
            desk.changeState(tx, agentId, requested);
            router.dispatch(tx);
            return desk.view(tx, agentId);
        });
    }

    @Override
    public Views.Agent logout(String agentId) {
        return store.routing(tx -> {
            desk.configured(agentId);
            releaseCall(tx, agentId);
            desk.logout(tx, agentId);
            router.dispatch(tx);
            return desk.view(tx, agentId);
        });
    }

    /** Every agent can always change state or log off: the call they hold is let go first (Router.releaseAgent). */
    private void releaseCall(Tx tx, String agentId) throws SQLException {
        Optional<AgentRow> row = agents.find(tx, agentId);
        if (row.isPresent()) router.releaseAgent(tx, row.get());
    }

    @Override
    public Views.Callback acceptCallback(String callbackId, String agentId) {
        return callbackWork.accept(callbackId, agentId);
    }

    @Override
    public Views.Agent agent(String agentId) {
        return store.transaction(tx -> {
            Views.Agent view = desk.view(tx, agentId);
            return config.sipTelephony() ? Registrations.withPhone(view, registrations.live(tx)) : view;
        });
    }
}
