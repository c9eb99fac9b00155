package org.ivrgateway.web.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Views;

/**
 * What the live pages show, read at one moment. {@code version} names the content (not the moment), so two
 * snapshots of an unchanged contact center carry the same version on any node; {@code problem} says why the
 * contact center could not be read, with the last good figures kept.
 */
public record Snapshot(String version, Instant at, List<Views.Queue> queues, List<Views.Call> calls,
                       List<Views.Agent> agents, List<Views.SwitchEvent> events, String problem) {

    public static final Snapshot EMPTY = new Snapshot("", Instant.EPOCH, List.of(), List.of(), List.of(), List.of(), null);

    public Optional<Views.Agent> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The call handed or reserved to this agent, if any. */
    public Optional<Views.Call> callOf(Views.Agent agent) {
        return calls.stream()
                .filter(c -> c.callId().equals(agent.callId()) || agent.id().equals(c.agentId()))
                .findFirst();
    }

    public long available() {
        return agents.stream().filter(a -> a.status() == AgentStatus.AVAILABLE).count();
    }

    public long waiting() {
        return queues.stream().mapToLong(Views.Queue::callsWaiting).sum();
    }
}
