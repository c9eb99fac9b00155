package org.ivrgateway.config;

import java.util.List;
import java.util.Map;

/**
 * {@code routing[]} — one rule of QueryRoutingInfo, tried in order; the first whose conditions all hold
 * decides: enqueue (return code 0), transfer (2) or disconnect (1). A rule without {@code when} always holds.
 */
public record RoutingRule(When when, Enqueue enqueue, String transfer, Boolean disconnect) {

    public RoutingRule {
        int actions = (enqueue != null ? 1 : 0) + (transfer != null ? 1 : 0) + (Boolean.TRUE.equals(disconnect) ? 1 : 0);
        if (actions != 1) {
            throw new IllegalArgumentException("routing[]: a rule needs exactly one of enqueue, transfer, disconnect: true");
        }
        when = when == null ? When.ALWAYS : when;
    }

    /**
     * The conditions; absent ones are not checked. {@code closed}/{@code open} test the centre's
     * {@code businessHours} now; the queue figures test {@code queue} (or the rule's enqueue queue);
     * {@code businessUnits} (with multiTenant) the call's business unit.
     */
    public record When(String dnis, String ani, Map<String, String> contactData, Boolean open, Boolean closed,
                       String queue, Integer estimatedWaitAbove, Integer estimatedWaitAtMost,
                       Integer agentsAvailableAtLeast, Integer callsWaitingAbove, List<String> businessUnits) {
        public static final When ALWAYS = new When(null, null, null, null, null, null, null, null, null, null);

        public When {
            contactData = contactData == null ? Map.of() : Map.copyOf(contactData);
            businessUnits = Checks.names("routing[].when.businessUnits", businessUnits, CatalogLimits.BUSINESS_UNIT);
        }

        /** The conditions of a rule for every business unit. */
        public When(String dnis, String ani, Map<String, String> contactData, Boolean open, Boolean closed,
                    String queue, Integer estimatedWaitAbove, Integer estimatedWaitAtMost,
                    Integer agentsAvailableAtLeast, Integer callsWaitingAbove) {
            this(dnis, ani, contactData, open, closed, queue, estimatedWaitAbove, estimatedWaitAtMost,
                    agentsAvailableAtLeast, callsWaitingAbove, null);
        }
    }

    /**
     * {@code enqueue:} — the queue, priority (1–100, default 1), description, and an optional agent to reserve
     * for {@code agentWaitTime} seconds (required with an agent).
     */
    public record Enqueue(String queue, Integer priority, String description, String agent, Integer agentWaitTime) {
        public Enqueue {
            Checks.name("routing[].enqueue.queue", queue, CatalogLimits.QUEUE_NAME);
            priority = priority == null ? 1 : priority;
            if (priority < CatalogLimits.PRIORITY.min() || priority > CatalogLimits.PRIORITY.max()) {
                throw new IllegalArgumentException("routing[].enqueue.priority: must be "
                        + CatalogLimits.PRIORITY.rangeText().orElseThrow() + ", was " + priority);
            }
            if (agent != null) Checks.name("routing[].enqueue.agent", agent, CatalogLimits.AGENT_ID);
            // QueryRoutingInfo returns AgentWaitTime (> 0) with every reserved agent.
            if (agent != null && agentWaitTime == null) {
                throw new IllegalArgumentException("routing[].enqueue.agentWaitTime: required with agent");
            }
            if (agentWaitTime != null && agentWaitTime < 1) {
                throw new IllegalArgumentException("routing[].enqueue.agentWaitTime: must be at least 1");
            }
        }
    }
}
