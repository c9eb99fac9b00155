package org.ivrgateway.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.RoutingDecision;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.callback.CallbackRequest;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.routing.RoutingFigures;
import org.ivrgateway.core.routing.RoutingFacts;
import org.ivrgateway.core.routing.RoutingOutcome;
import org.ivrgateway.core.stats.Statistics;

/**
 * The functions backed by the services (transit numbers, callbacks, routing rules): the core supplies the
 * call's data and live queue figures. CreateCallback in a multi-tenant center needs SetBusinessUnit first
 * (-314, our choice). QueryRoutingInfo decides on the call's ANI and DNIS, replaced by its ANIDNIS, in turn
 * overridden by contact data keys "ANI" and "DNIS" when the call already has them (the guide, 4.18).
 */
final class ServiceFunctions {
    private final Parts parts;

    ServiceFunctions(Parts parts) {
        this.parts = parts;
    }

    Result getTransitNumber(Request r) {
        String number = parts.store().transaction(tx -> parts.transit().acquire(tx.c(), r.callId()));
        return r.success().with("TransitNumber", number);
    }

    Result releaseTransitNumber(Request r) {
        parts.store().transaction(tx -> {
            parts.transit().release(tx.c(), r.callId());
            return null;
        });
        return r.success();
    }

    Result createCallback(Request r) {
        CallRow call = r.call();
        if (parts.config().multiTenant() && call.businessUnit() == null) {
            throw new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "call SetBusinessUnit first (multi-tenant)");
        }
        List<String> schedules = new ArrayList<>();
        for (String name : List.of("Schedule1", "Schedule2", "Schedule3")) {
            if (r.args().has(name)) schedules.add(r.args().string(name));
        }
        String description = r.args().string("Description", "");
        String id = parts.store().transaction(tx -> parts.callbacks().create(tx.c(), new CallbackRequest(call.callId(),
                r.args().string("QueueName"), description, r.args().integer("TimeZoneOffset"),
                r.args().string("ContactName"), schedules, parts.contactData().all(tx, call.callId()),
                call.businessUnit())));
        return r.success().with("CallbackID", id).with("CallID", call.callId()).with("Description", description);
    }

    /** A pending or queued callback is cancelled (its waiting call ends); one being dialled or closed is -1021. */
    Result deleteCallback(Request r) {
        parts.store().routing(tx -> {
            new CallbackWork(parts).cancel(tx, r.args().string("CallbackID"));
            return null;
        });
        return r.success();
    }

    Result queryRoutingInfo(Request r) {
        CallRow call = r.call();
        AniDnis given = AniDnis.of(r.args().string("ANIDNIS"), call);
        return parts.store().transaction(tx -> {
            Map<String, String> data = parts.contactData().all(tx, call.callId());
            String ani = data.getOrDefault("ANI", given.ani());
            String dnis = data.getOrDefault("DNIS", given.dnis());
            // Each queue's figures are read once a request, whether a condition or the result needs them.
            Map<String, Optional<RoutingFigures>> read = new java.util.HashMap<>();
            java.util.function.Function<String, Optional<RoutingFigures>> figures =
                    queue -> read.computeIfAbsent(queue.toLowerCase(java.util.Locale.ROOT), k -> figures(tx, queue));
            RoutingOutcome o = parts.rules().decide(new RoutingFacts(ani, dnis, data, figures, call.businessUnit()));
            Result result = r.result(o.decision().code()).with("Destination", o.destination());
            if (o.decision() != RoutingDecision.ENQUEUE) return result;
            Optional<RoutingFigures> f = figures.apply(o.destination());
            return result.with("AgentID", o.agentId()).with("AgentWaitTime", o.agentWaitTime())
                    .with("Description", o.description()).with("InitialPriority", o.priority())
                    .with("EstimatedWait", f.map(RoutingFigures::estimatedWaitSeconds).orElse(0))
                    .with("CallsInQueue", f.map(RoutingFigures::callsWaiting).orElse(0));
        });
    }

    private Optional<RoutingFigures> figures(Tx tx, String queue) {
        Statistics stats = parts.statistics();
        return parts.config().queue(queue).map(q -> {
            try {
                Statistics.Live f = stats.live(tx, q);
                return new RoutingFigures(f.callsWaiting(), f.estimatedWaitSeconds(), f.agentsAvailable());
            } catch (java.sql.SQLException e) {
                throw org.ivrgateway.store.StoreException.from(e);
            }
        });
    }
}
