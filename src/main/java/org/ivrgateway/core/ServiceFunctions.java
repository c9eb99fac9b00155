package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.RoutingDecision;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.ContactData;
import org.ivrgateway.core.callback.CallbackRequest;
import org.ivrgateway.core.callback.Callbacks;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.routing.RoutingFigures;
import org.ivrgateway.core.routing.RoutingFacts;
import org.ivrgateway.core.routing.RoutingOutcome;
import org.ivrgateway.core.routing.RoutingRules;
import org.ivrgateway.core.stats.Statistics;
import org.ivrgateway.core.transit.TransitNumbers;

/**
 * The functions backed by the services (transit numbers, callbacks, routing rules): the core supplies the
 * call's data and live queue figures. CreateCallback in a multi-tenant center needs SetBusinessUnit first
 * (-314, our choice). QueryRoutingInfo decides on the call's ANI and DNIS, replaced by its ANIDNIS, in turn
 * overridden by contact data keys "ANI" and "DNIS" when the call already has them (the guide, 4.18).
 */
final class ServiceFunctions {
    private final CenterConfig config;
    private final ContactData contactData;
    private final Statistics statistics;
    private final TransitNumbers transit;
    private final Callbacks callbacks;
    private final CallbackWork callbackWork;
    private final RoutingRules rules;

    ServiceFunctions(CenterConfig config, ContactData contactData, Statistics statistics, TransitNumbers transit,
            Callbacks callbacks, CallbackWork callbackWork, RoutingRules rules) {
        this.config = config;
        this.contactData = contactData;
        this.statistics = statistics;
        this.transit = transit;
        this.callbacks = callbacks;
        this.callbackWork = callbackWork;
        this.rules = rules;
    }

    Result getTransitNumber(Tx tx, Request r) throws SQLException {
        String number = transit.acquire(tx.c(), tx.instant(), r.callId());
        return r.success().with(Param.TRANSIT_NUMBER, number);
    }

    Result releaseTransitNumber(Tx tx, Request r) throws SQLException {
        transit.release(tx.c(), tx.instant(), r.callId());
        return r.success();
    }

    Result createCallback(Tx tx, Request r) throws SQLException {
        CallRow call = r.call();
        if (config.multiTenant() && call.businessUnit() == null) {
            throw new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "call SetBusinessUnit first (multi-tenant)");
        }
        List<String> schedules = new ArrayList<>();
        for (String name : List.of(Param.SCHEDULE1, Param.SCHEDULE2, Param.SCHEDULE3)) {
            if (r.args().has(name)) schedules.add(r.args().string(name));
        }
        String description = r.args().string(Param.DESCRIPTION, "");
        String id = callbacks.create(tx.c(), new CallbackRequest(call.callId(),
                r.args().string(Param.QUEUE_NAME), description, r.args().integer(Param.TIME_ZONE_OFFSET),
                r.args().string(Param.CONTACT_NAME), schedules, contactData.all(tx, call.callId()),
                call.businessUnit()));
        return r.success().with(Param.CALLBACK_ID, id).with(Param.CALL_ID, call.callId()).with(Param.DESCRIPTION, description);
    }

    /** A pending or queued callback is cancelled (its waiting call ends); one being dialled or closed is -1021. */
    Result deleteCallback(Tx tx, Request r) throws SQLException {
        callbackWork.cancel(tx, r.args().string(Param.CALLBACK_ID));
        return r.success();
    }

    Result queryRoutingInfo(Tx tx, Request r) throws SQLException {
        CallRow call = r.call();
        AniDnis given = AniDnis.of(r.args().string(Param.ANIDNIS), call);
        Map<String, String> data = contactData.all(tx, call.callId());
        String ani = data.getOrDefault("ANI", given.ani());
        String dnis = data.getOrDefault("DNIS", given.dnis());
        // Each queue's figures are read once a request, whether a condition or the result needs them.
        Map<String, Optional<RoutingFigures>> read = new java.util.HashMap<>();
        java.util.function.Function<String, Optional<RoutingFigures>> figures =
                queue -> read.computeIfAbsent(queue.toLowerCase(java.util.Locale.ROOT), k -> figures(tx, queue));
        RoutingOutcome o = rules.decide(new RoutingFacts(ani, dnis, data, figures, call.businessUnit()));
        Result result = r.result(o.decision().code()).with(Param.DESTINATION, o.destination());
        if (o.decision() != RoutingDecision.ENQUEUE) return result;
        Optional<RoutingFigures> f = figures.apply(o.destination());
        return result.with(Param.AGENT_ID, o.agentId()).with(Param.AGENT_WAIT_TIME, o.agentWaitTime())
                .with(Param.DESCRIPTION, o.description()).with(Param.INITIAL_PRIORITY, o.priority())
                .with(Param.ESTIMATED_WAIT, f.map(RoutingFigures::estimatedWaitSeconds).orElse(0))
                .with(Param.CALLS_IN_QUEUE, f.map(RoutingFigures::callsWaiting).orElse(0));
    }

    private Optional<RoutingFigures> figures(Tx tx, String queue) {
        Statistics stats = statistics;
        return config.queue(queue).map(q -> {
            try {
                Statistics.Live f = stats.live(tx, q);
                return new RoutingFigures(f.callsWaiting(), f.estimatedWaitSeconds(), f.agentsAvailable());
            } catch (java.sql.SQLException e) {
                throw org.ivrgateway.store.StoreException.from(e);
            }
        });
    }
}
