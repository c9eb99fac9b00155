package org.ivrgateway.core;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.agent.Desk;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.ContactData;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.report.Reports;
import org.ivrgateway.core.stats.QueueFigures;
import org.ivrgateway.core.stats.Statistics;

/**
 * The read views of the live contact center (REST, console): the {@link ContactCenterView} port. Reading
 * never changes state: the switch events are read without recording that the telephony side spoke.
 */
final class CenterViews implements ContactCenterView {
    private final CenterConfig config;
    private final Store store;
    private final Calls calls;
    private final ContactData contactData;
    private final Agents agents;
    private final Statistics statistics;
    private final Registrations registrations;
    private final SwitchEvents events;
    private final CallbackWork callbackWork;
    private final SystemStatusProbe status;

    CenterViews(CenterConfig config, Store store, Calls calls, ContactData contactData, Agents agents,
            Statistics statistics, Registrations registrations, SwitchEvents events, CallbackWork callbackWork,
            SystemStatusProbe status) {
        this.events = events;
        this.callbackWork = callbackWork;
        this.status = status;
        this.config = config;
        this.store = store;
        this.calls = calls;
        this.contactData = contactData;
        this.agents = agents;
        this.statistics = statistics;
        this.registrations = registrations;
    }

    @Override
    public List<Views.Queue> queues() {
        return store.transaction(tx -> {
            List<Views.Queue> out = new ArrayList<>();
            for (QueueConfig q : config.queues()) {
                QueueFigures f = statistics.of(tx, q);
                out.add(new Views.Queue(q.name(), q.businessUnit(), q.pilot(), f.callsWaiting(), f.oldestWaitSeconds(),
                        f.estimatedWaitSeconds(), f.averageWaitSeconds(), f.serviceLevel(), f.agentsByStatus()));
            }
            return out;
        });
    }

    @Override
    public List<Views.Call> calls(int offset, int limit) {
        return store.transaction(tx -> {
            List<Views.Call> out = new ArrayList<>();
            for (CallRow c : calls.live(tx, offset, Math.min(limit, MAX_CALLS))) out.add(view(tx, c));
            return out;
        });
    }

    @Override
    public int liveCallCount() {
        return store.transaction(tx -> calls.liveCount(tx));
    }

    @Override
    public Optional<Views.Call> call(String callId) {
        return store.transaction(tx -> {
            Optional<CallRow> row = calls.find(tx, callId).filter(c -> !c.ended());
            return row.isEmpty() ? Optional.<Views.Call>empty() : Optional.of(view(tx, row.get()));
        });
    }

    private Views.Call view(Tx tx, CallRow c) throws SQLException {
        Instant queuedAt = c.queuedMs() == null ? null : Instant.ofEpochMilli(c.queuedMs());
        return new Views.Call(c.callId(), c.device(), c.ani(), c.dnis(), c.monitored(), c.queue(),
                c.priority() == null ? 0 : c.priority(), c.status(), c.extension(), queuedAt, c.agentId(),
                c.description(), c.display(), c.businessUnit(), contactData.all(tx, c.callId()));
    }

    @Override
    public List<Views.Agent> agents() {
        return store.transaction(tx -> {
            Map<String, AgentRow> rows = new HashMap<>();
            for (AgentRow r : agents.all(tx)) rows.put(r.agentId(), r);
            List<Views.Agent> out = new ArrayList<>();
            Set<String> phones = config.sipTelephony() ? registrations.live(tx) : null;
            for (AgentConfig a : config.agents()) {
                Views.Agent view = Desk.view(a, Optional.ofNullable(rows.get(a.id())));
                out.add(phones == null ? view : Registrations.withPhone(view, phones));
            }
            return out;
        });
    }

    @Override
    public List<Views.SwitchEvent> switchEvents() {
        return store.transaction(tx -> events.pending(tx));
    }

    @Override
    public Views.Report<Views.QueueDay> queueReport(java.time.LocalDate day) {
        return store.transaction(tx -> new Reports(config).queues(tx, day));
    }

    @Override
    public Views.Report<Views.AgentDay> agentReport(java.time.LocalDate day) {
        return store.transaction(tx -> new Reports(config).agents(tx, day));
    }

    @Override
    public List<Views.Callback> callbacks() {
        return callbackWork.views();
    }

    @Override
    public Views.SystemStatus systemStatus() {
        return status.status();
    }
}
