package org.ivrgateway.core.routing;

import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;

/** A rule's conditions on queue figures; each absent one holds. */
record FigureConditions(Integer estimatedWaitAbove, Integer estimatedWaitAtMost, Integer agentsAvailableAtLeast,
                        Integer callsWaitingAbove) {

    static FigureConditions of(RoutingRule.When when) {
        return new FigureConditions(when.estimatedWaitAbove(), when.estimatedWaitAtMost(),
                when.agentsAvailableAtLeast(), when.callsWaitingAbove());
    }

    boolean any() {
        return estimatedWaitAbove != null || estimatedWaitAtMost != null || agentsAvailableAtLeast != null
                || callsWaitingAbove != null;
    }

    /** Reads the queue's figures only when there is something to test; a queue that cannot be read is -916. */
    boolean holds(int index, String queueName, CenterConfig config, RoutingFacts facts) {
        if (!any()) return true;
        String key = "routing[" + index + "]";
        if (queueName == null) {
            throw new IvrException(ReturnCode.ROUTING_WORKFLOW_ERROR,
                    key + ": queue figures need when.queue or an enqueue queue");
        }
        QueueConfig queue = config.queue(queueName).orElseThrow(() -> new IvrException(
                ReturnCode.ROUTING_WORKFLOW_ERROR, key + ": unknown queue " + queueName));
        RoutingFigures f = facts.figures().apply(queue.name()).orElseThrow(() -> new IvrException(
                ReturnCode.ROUTING_WORKFLOW_ERROR, key + ": no figures for queue " + queue.name()));
        return (estimatedWaitAbove == null || f.estimatedWaitSeconds() > estimatedWaitAbove)
                && (estimatedWaitAtMost == null || f.estimatedWaitSeconds() <= estimatedWaitAtMost)
                && (agentsAvailableAtLeast == null || f.agentsAvailable() >= agentsAvailableAtLeast)
                && (callsWaitingAbove == null || f.callsWaiting() > callsWaitingAbove);
    }
}
