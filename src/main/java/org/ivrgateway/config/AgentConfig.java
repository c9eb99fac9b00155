package org.ivrgateway.config;

import java.util.List;

/** {@code agents[]} — an agent who may log on: ID (at most 8 characters), name, queues, wrap-up length. */
public record AgentConfig(String id, String name, List<String> queues, Integer wrapUpSeconds) {
    public AgentConfig {
        Checks.name("agents[].id", id, CatalogLimits.AGENT_ID);
        name = name == null ? id : name;
        queues = queues == null ? List.of() : List.copyOf(queues);
        wrapUpSeconds = Checks.atLeast("agents." + id + ".wrapUpSeconds", wrapUpSeconds, 0, 0);
    }
}
