package org.ivrgateway.core;

import org.ivrgateway.api.InvalidArgumentException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.config.QueueConfig;
import org.ivrgateway.core.queue.Placement;
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.stats.QueueFigures;

/**
 * Enqueue, EnqueueForAgent, Dequeue and QueryQueueStatistics (CONTRACT §4.4, §4.5, §4.8). With
 * multiTenant, a call without a business unit gets -314 and a queue of another unit -905 (both our
 * choice). Enqueue's EstimatedWait is the estimate for a call entering the queue now (before this one is
 * counted); CallsInQueue counts the calls waiting once this one is queued (it is not, if an agent took it
 * at once).
 */
final class QueueFunctions {
    /** Each half of ANIDNIS is at most as long as the ANI that QueryCallInfo returns. */
    private static final int MAX_ANI = IvrFunction.QUERY_CALL_INFO.parameter("originalANI").orElseThrow().maxLength();

    private final Parts parts;

    QueueFunctions(Parts parts) {
        this.parts = parts;
    }

    Result enqueue(Request r) {
        return place(r, null, 0);
    }

    Result enqueueForAgent(Request r) {
        String agentId = r.args().string("AgentID");
        if (parts.config().agent(agentId).isEmpty()) {
            throw new IvrException(ReturnCode.UNKNOWN_AGENT, "no agent " + agentId);
        }
        return place(r, agentId, r.args().integer("AgentWaitTime"));
    }

    Result dequeue(Request r) {
        parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            parts.router().dequeue(tx, call, Visits.DEQUEUED);
            return null;
        });
        return r.success();
    }

    /** BusinessUnitName is checked only with multiTenant: required, known, and the queue's (-314). */
    Result queryQueueStatistics(Request r) {
        QueueConfig q = queue(r.args().string("QueueName"));
        if (parts.config().multiTenant()) {
            String unit = parts.config().businessUnit(r.args().string("BusinessUnitName")).orElseThrow(
                    () -> new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT,
                            "unknown business unit " + r.args().string("BusinessUnitName")));
            if (!unit.equals(q.businessUnit())) {
                throw new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "queue " + q.name() + " is not in " + unit);
            }
        }
        QueueFigures f = parts.store().write(tx -> parts.statistics().of(tx, q));
        return r.success().with("CallsInQueue", f.callsWaiting()).with("EstimatedWait", f.estimatedWaitSeconds())
                .with("AverageWait", f.averageWaitSeconds()).with("OldestCallInQueue", f.oldestWaitSeconds())
                .with("ServiceLevel", f.serviceLevel());
    }

    private Result place(Request r, String agentId, int agentWaitTime) {
        QueueConfig q = queue(r.args().string("QueueName"));
        String[] aniDnis = aniDnis(r.args().string("ANIDNIS"), r.call());
        int[] figures = parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            checkUnit(call, q);
            int estimate = parts.statistics().of(tx, q).estimatedWaitSeconds();
            parts.router().enqueue(tx, call, new Placement(q, r.args().integer("InitialPriority"),
                    r.args().string("Description"), r.args().integer("IVRHold") == 1, agentId, agentWaitTime,
                    aniDnis[0], aniDnis[1]));
            return new int[] {estimate, parts.statistics().of(tx, q).callsWaiting()};
        });
        return r.success().with("EstimatedWait", figures[0]).with("CallsInQueue", figures[1]);
    }

    private void checkUnit(CallRow call, QueueConfig q) {
        if (!parts.config().multiTenant()) return;
        if (call.businessUnit() == null) {
            throw new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "call SetBusinessUnit first (multi-tenant)");
        }
        if (!call.businessUnit().equals(q.businessUnit())) {
            throw new IvrException(ReturnCode.UNKNOWN_QUEUE, "queue " + q.name() + " is not in " + call.businessUnit());
        }
    }

    private QueueConfig queue(String name) {
        return parts.config().queue(name).orElseThrow(
                () -> new IvrException(ReturnCode.UNKNOWN_QUEUE, "no queue " + name));
    }

    /** ANIDNIS "ani;dnis" (checked: -306), else the call's own numbers. */
    static String[] aniDnis(String value, CallRow call) {
        if (value == null) return new String[] {call.ani(), call.dnis()};
        int semi = value.indexOf(';');
        if (semi < 0 || value.indexOf(';', semi + 1) >= 0 || semi > MAX_ANI || value.length() - semi - 1 > MAX_ANI) {
            throw new InvalidArgumentException("ANIDNIS", "must be ANI;DNIS (each at most " + MAX_ANI + " characters)");
        }
        return new String[] {value.substring(0, semi), value.substring(semi + 1)};
    }
}
