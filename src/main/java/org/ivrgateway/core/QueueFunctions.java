package org.ivrgateway.core;

import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.queue.Placement;
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.stats.QueueFigures;

/**
 * Enqueue, EnqueueForAgent, Dequeue and QueryQueueStatistics (docs/ARCHITECTURE.md, docs/STATISTICS.md). With
 * multiTenant, a call without a business unit gets -314 and a queue of another unit -905 (both our
 * choice). Enqueue's EstimatedWait is the estimate for this call entering the queue now, behind the calls of
 * higher or equal priority (docs/STATISTICS.md); CallsInQueue counts the calls waiting once this one is queued (it is not, if an agent took it
 * at once).
 */
final class QueueFunctions {
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
        QueueFigures f = parts.store().transaction(tx -> parts.statistics().of(tx, q));
        return r.success().with("CallsInQueue", f.callsWaiting()).with("EstimatedWait", f.estimatedWaitSeconds())
                .with("AverageWait", f.averageWaitSeconds()).with("OldestCallInQueue", f.oldestWaitSeconds())
                .with("ServiceLevel", f.serviceLevel());
    }

    private Result place(Request r, String agentId, int agentWaitTime) {
        QueueConfig q = queue(r.args().string("QueueName"));
        AniDnis numbers = AniDnis.of(r.args().string("ANIDNIS"), r.call());
        // The estimate reads the queue's history: done before taking the routing lock, which serializes every
        // routing transaction of every node (docs/BENCHMARKS.md); inside it, only the placing and a count.
        int estimate = parts.store().transaction(tx -> parts.statistics().enqueueEstimate(tx, q,
                r.args().integer("InitialPriority"), r.callId(), agentId));
        int waiting = parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            checkUnit(call, q);
            parts.router().enqueue(tx, call, new Placement(q, r.args().integer("InitialPriority"),
                    r.args().string("Description"), r.args().integer("IVRHold") == 1, agentId, agentWaitTime,
                    numbers.ani(), numbers.dnis()));
            return parts.calls().countQueuedIn(tx, q.name());
        });
        return r.success().with("EstimatedWait", estimate).with("CallsInQueue", waiting);
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
}
