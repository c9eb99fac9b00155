package org.ivrgateway.core;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Desk;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.stats.QueueFigures;

/** The read views of the live contact center (REST, console). */
final class CenterViews {
    private final Parts parts;

    CenterViews(Parts parts) {
        this.parts = parts;
    }

    List<Views.Queue> queues() {
        return parts.store().transaction(tx -> {
            List<Views.Queue> out = new ArrayList<>();
            for (QueueConfig q : parts.config().queues()) {
                QueueFigures f = parts.statistics().of(tx, q);
                out.add(new Views.Queue(q.name(), q.businessUnit(), q.pilot(), f.callsWaiting(), f.oldestWaitSeconds(),
                        f.estimatedWaitSeconds(), f.averageWaitSeconds(), f.serviceLevel(), f.agentsByStatus()));
            }
            return out;
        });
    }

    List<Views.Call> calls(int offset, int limit) {
        return parts.store().transaction(tx -> {
            List<Views.Call> out = new ArrayList<>();
            for (CallRow c : parts.calls().live(tx, offset, limit)) out.add(view(tx, c));
            return out;
        });
    }

    int liveCallCount() {
        return parts.store().transaction(tx -> parts.calls().liveCount(tx));
    }

    Optional<Views.Call> call(String callId) {
        return parts.store().transaction(tx -> {
            Optional<CallRow> row = parts.calls().find(tx, callId).filter(c -> !c.ended());
            return row.isEmpty() ? Optional.<Views.Call>empty() : Optional.of(view(tx, row.get()));
        });
    }

    private Views.Call view(Tx tx, CallRow c) throws SQLException {
        Instant queuedAt = c.queuedMs() == null ? null : Instant.ofEpochMilli(c.queuedMs());
        return new Views.Call(c.callId(), c.device(), c.ani(), c.dnis(), c.monitored(), c.queue(),
                c.priority() == null ? 0 : c.priority(), c.status(), c.extension(), queuedAt, c.agentId(),
                c.description(), c.display(), c.businessUnit(), parts.contactData().all(tx, c.callId()));
    }

    List<Views.Agent> agents() {
        return parts.store().transaction(tx -> {
            Map<String, AgentRow> rows = new HashMap<>();
            for (AgentRow r : parts.agents().all(tx)) rows.put(r.agentId(), r);
            List<Views.Agent> out = new ArrayList<>();
            Set<String> phones = parts.config().sipTelephony() ? parts.registrations().live(tx) : null;
            for (AgentConfig a : parts.config().agents()) {
                Views.Agent view = Desk.view(a, Optional.ofNullable(rows.get(a.id())));
                out.add(phones == null ? view : Registrations.withPhone(view, phones));
            }
            return out;
        });
    }
}
