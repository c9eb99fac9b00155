package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Placement;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.stats.QueueFigures;
import org.ivrgateway.core.stats.Statistics;

/**
 * Enqueue, EnqueueForAgent, Dequeue and QueryQueueStatistics (docs/ARCHITECTURE.md, docs/STATISTICS.md). With
 * multiTenant, a call without a business unit gets -314 and a queue of another unit -905 (both our
 * choice). Enqueue's EstimatedWait is the estimate for this call entering the queue now, behind the calls of
 * higher or equal priority (docs/STATISTICS.md); CallsInQueue counts the calls waiting once this one is queued (it is not, if an agent took it
 * at once).
 */
final class QueueFunctions {
    private final CenterConfig config;
    private final Calls calls;
    private final Router router;
    private final Statistics statistics;

    QueueFunctions(CenterConfig config, Calls calls, Router router, Statistics statistics) {
        this.config = config;
        this.calls = calls;
        this.router = router;
        this.statistics = statistics;
    }

    Result enqueue(Tx tx, Request r) throws SQLException {
        return place(tx, r, null, 0);
    }

    Result enqueueForAgent(Tx tx, Request r) throws SQLException {
        String agentId = r.args().string(Param.AGENT_ID);
        if (config.agent(agentId).isEmpty()) {
            throw new IvrException(ReturnCode.UNKNOWN_AGENT, "no agent " + agentId);
        }
        return place(tx, r, agentId, r.args().integer(Param.AGENT_WAIT_TIME));
    }

    Result dequeue(Tx tx, Request r) throws SQLException {
        router.dequeue(tx, r.call(), Visits.DEQUEUED);
        return r.success();
    }

    /** BusinessUnitName is checked only with multiTenant: required, known, and the queue's (-314). */
    Result queryQueueStatistics(Tx tx, Request r) throws SQLException {
        QueueConfig q = queue(r.args().string(Param.QUEUE_NAME));
        if (config.multiTenant()) {
            String unit = config.businessUnit(r.args().string(Param.BUSINESS_UNIT_NAME)).orElseThrow(
                    () -> new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT,
                            "unknown business unit " + r.args().string(Param.BUSINESS_UNIT_NAME)));
            if (!unit.equals(q.businessUnit())) {
                throw new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "queue " + q.name() + " is not in " + unit);
            }
        }
        QueueFigures f = statistics.of(tx, q);
        return r.success().with(Param.CALLS_IN_QUEUE, f.callsWaiting()).with(Param.ESTIMATED_WAIT, f.estimatedWaitSeconds())
                .with(Param.AVERAGE_WAIT, f.averageWaitSeconds()).with(Param.OLDEST_CALL_IN_QUEUE, f.oldestWaitSeconds())
                .with(Param.SERVICE_LEVEL, f.serviceLevel());
    }

    /**
     * Runs in the invocation's routing transaction, on the call the checks read row-locked: the estimate
     * (only the calls ahead, reservations and agents), the placing, and the count of waiting calls.
     */
    private Result place(Tx tx, Request r, String agentId, int agentWaitTime) throws SQLException {
        QueueConfig q = queue(r.args().string(Param.QUEUE_NAME));
        CallRow call = r.call();
        checkUnit(call, q);
        AniDnis numbers = AniDnis.of(r.args().string(Param.ANIDNIS), call);
        int priority = r.args().integer(Param.INITIAL_PRIORITY);
        int estimate = statistics.enqueueEstimate(tx, q, priority, call, agentId);
        router.enqueue(tx, call, new Placement(q, priority, r.args().string(Param.DESCRIPTION),
                r.args().integer(Param.IVR_HOLD) == 1, agentId, agentWaitTime, numbers.ani(), numbers.dnis()));
        int waiting = calls.countQueuedIn(tx, q.name());
        return r.success().with(Param.ESTIMATED_WAIT, estimate).with(Param.CALLS_IN_QUEUE, waiting);
    }

    private void checkUnit(CallRow call, QueueConfig q) {
        if (!config.multiTenant()) return;
        if (call.businessUnit() == null) {
            throw new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "call SetBusinessUnit first (multi-tenant)");
        }
        if (!call.businessUnit().equals(q.businessUnit())) {
            throw new IvrException(ReturnCode.UNKNOWN_QUEUE, "queue " + q.name() + " is not in " + call.businessUnit());
        }
    }

    private QueueConfig queue(String name) {
        return config.queue(name).orElseThrow(
                () -> new IvrException(ReturnCode.UNKNOWN_QUEUE, "no queue " + name));
    }
}
