package org.ivrgateway.core.stats;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.QueueSums;

/**
 * Queue figures from measured history (docs/STATISTICS.md; definitions and formulas in docs/STATISTICS.md, the
 * formulas themselves in {@link Formulas}). Each entry point reads only what its caller returns: Enqueue
 * ({@link #enqueueEstimate}) the calls ahead, the agents and the handling time; routing ({@link #live}) the
 * same for all waiting calls; QueryQueueStatistics and the wallboard ({@link #of}) everything. The history
 * of the window is read by {@link #windowSums} alone, from the running sums per queue and minute ({@link QueueSums}).
 */
public final class Statistics {
    /** Agent states in which an agent cannot answer a call of its queues. */
    private static final Set<AgentStatus> AWAY = Set.of(AgentStatus.LOGGED_OFF, AgentStatus.UNAVAILABLE,
            AgentStatus.OUT_OF_SERVICE);

    private final CenterConfig config;
    private final Agents agents;
    private final Calls calls;
    private final QueueSums sums;
    /** The configured agents of each queue, in the configuration's order (the configuration is fixed). */
    private final Map<String, List<AgentConfig>> agentsByQueue = new ConcurrentHashMap<>();

    public Statistics(CenterConfig config, Agents agents, Calls calls) {
        this.config = config;
        this.agents = agents;
        this.calls = calls;
        this.sums = new QueueSums(config);
    }

    /** Every figure of the queue now (QueryQueueStatistics, the wallboard). */
    public QueueFigures of(Tx tx, QueueConfig queue) throws SQLException {
        long thresholdMs = queue.serviceLevelSeconds() * 1000L;
        Calls.Waiting waiting = calls.waiting(tx, queue.name(), tx.now() - thresholdMs);
        int callsWaiting = waiting.calls();
        int oldest = callsWaiting == 0 || waiting.oldestQueuedMs() == null ? 0
                : (int) ((tx.now() - waiting.oldestQueuedMs()) / 1000);
        AgentsOfQueue a = agentsOf(tx, queue);
        WindowSums sums = windowSums(tx, queue);
        int reserved = reservedElsewhere(tx, queue, a, null);
        int estimate = estimate(queue, new Formulas.Load(callsWaiting + reserved, a.available, a.capacity),
                sums.handled(), sums.handleMs());
        return new QueueFigures(callsWaiting, oldest, estimate, Formulas.averageWaitSeconds(sums),
                Formulas.serviceLevel(sums, waiting.queuedBefore()), a.available, a.byStatus);
    }

    /** The figures routing rules test and QueryRoutingInfo returns: a call entering behind every waiting one. */
    public Live live(Tx tx, QueueConfig queue) throws SQLException {
        int callsWaiting = calls.countQueuedIn(tx, queue.name());
        AgentsOfQueue a = agentsOf(tx, queue);
        return new Live(callsWaiting, estimate(tx, queue, callsWaiting + reservedElsewhere(tx, queue, a, null), a),
                a.available);
    }

    /**
     * Enqueue's EstimatedWait for {@code call} entering {@code queue} now with {@code priority}: the calls ahead
     * are those of higher or equal priority but the call itself. With a reserved agent (EnqueueForAgent) who is
     * available, 0.
     */
    public int enqueueEstimate(Tx tx, QueueConfig queue, int priority, CallRow call, String reservedAgent)
            throws SQLException {
        if (reservedAgent != null && agents.find(tx, reservedAgent).filter(r -> r.status() == AgentStatus.AVAILABLE)
                .isPresent()) {
            return 0;
        }
        AgentsOfQueue a = agentsOf(tx, queue);
        int ahead = calls.countQueuedFrom(tx, queue.name(), priority, call);
        return estimate(tx, queue, ahead + reservedElsewhere(tx, queue, a, priority), a);
    }

    /** The figures routing looks at. */
    public record Live(int callsWaiting, int estimatedWaitSeconds, int agentsAvailable) {
    }

    private int estimate(Tx tx, QueueConfig queue, int ahead, AgentsOfQueue a) throws SQLException {
        Formulas.Load load = new Formulas.Load(ahead, a.available, a.capacity);
        // The handling time is read only when the formula needs it.
        if (load.ahead() < load.available() || load.capacity() <= 0) return estimate(queue, load, 0, 0);
        WindowSums w = windowSums(tx, queue);
        return estimate(queue, load, w.handled(), w.handleMs());
    }

    private int estimate(QueueConfig queue, Formulas.Load load, long handled, long handleMs) {
        double h = Formulas.handleSeconds(handled, handleMs, config.statistics().defaultHandleSeconds());
        Integer overflow = queue.overflow() == null ? null : queue.overflow().afterSeconds();
        return Formulas.estimatedWaitSeconds(load, h, overflow, config.statistics().maxEstimateSeconds());
    }

    /** The window's sums of the queue's stays (docs/STATISTICS.md), from the running sums of {@link QueueSums}. */
    WindowSums windowSums(Tx tx, QueueConfig queue) throws SQLException {
        long[] s = sums.window(tx, queue.name(), windowStart(tx));
        return new WindowSums(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    private long windowStart(Tx tx) {
        return tx.now() - config.statistics().windowMinutes() * 60_000L;
    }

    /** Calls waiting in other queues, reserved now for an agent of this one (of at least {@code priority}). */
    private int reservedElsewhere(Tx tx, QueueConfig queue, AgentsOfQueue a, Integer priority) throws SQLException {
        int[] n = new int[1];
        Sql.list(tx.c(), "SELECT reserved_agent, COUNT(*) FROM ivr_call WHERE status = ? AND ended = FALSE"
                        + " AND reserved_agent IS NOT NULL AND reserved_until_ms > ? AND queue_name <> ?"
                        + " AND priority >= ? GROUP BY reserved_agent", rs -> {
                    if (a.states.containsKey(rs.getString(1))) n[0] += rs.getInt(2);
                    return null;
                }, CallStatus.QUEUED.code(), tx.now(), queue.name(), priority == null ? Integer.MIN_VALUE : priority);
        return n[0];
    }

    /**
     * The queue's agents: their states, how many are available, and their share able to answer. Only the rows of
     * the queue's agents are read (through the primary key), not every agent's.
     */
    private AgentsOfQueue agentsOf(Tx tx, QueueConfig queue) throws SQLException {
        List<AgentConfig> ofQueue = agentsByQueue.computeIfAbsent(queue.name(),
                q -> config.agents().stream().filter(a -> a.queues().contains(q)).toList());
        Map<String, AgentStatus> stored = agents.statuses(tx, ofQueue.stream().map(AgentConfig::id).toList());
        Map<String, AgentStatus> states = new HashMap<>();
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        int available = 0;
        double capacity = 0;
        for (AgentConfig agent : ofQueue) {
            AgentStatus s = stored.getOrDefault(agent.id(), AgentStatus.LOGGED_OFF);
            states.put(agent.id(), s);
            byStatus.merge(s, 1, Integer::sum);
            if (s == AgentStatus.AVAILABLE) available++;
            if (!AWAY.contains(s)) capacity += 1.0 / agent.queues().size();
        }
        return new AgentsOfQueue(states, byStatus, available, capacity);
    }

    private record AgentsOfQueue(Map<String, AgentStatus> states, Map<AgentStatus, Integer> byStatus, int available,
                                 double capacity) {
    }
}
