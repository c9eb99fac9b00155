package org.ivrgateway.core.stats;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.core.agent.AgentRow;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.config.AgentConfig;
import org.ivrgateway.core.config.CenterConfig;
import org.ivrgateway.core.config.QueueConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * Queue statistics from measured history (CONTRACT §4.5), over the last {@code statistics.windowMinutes}:
 * <ul>
 * <li>average wait: mean time from entering the queue to being handed to an agent, of the stays
 *     answered in the window (0 when none);</li>
 * <li>service level: the percentage of stays that ended in the window (answered, abandoned or overflowed;
 *     calls the IVR took back itself do not count) that were answered within the queue's
 *     {@code serviceLevelSeconds}; 100 when none ended;</li>
 * <li>estimated wait of a call entering now, with W calls waiting, A agents of the queue available, S agents
 *     staffed (logged on and not UNAVAILABLE) and H the mean handling time (handed to an agent until cleared)
 *     of calls handled in the window: 0 when W &lt; A; else ceil((W - A + 1) × H / S) when S &gt; 0 and H is
 *     known; else the average wait.</li>
 * </ul>
 */
public final class Statistics {
    private final CenterConfig config;
    private final Calls calls;
    private final Agents agents;

    public Statistics(CenterConfig config, Calls calls, Agents agents) {
        this.config = config;
        this.calls = calls;
        this.agents = agents;
    }

    public QueueFigures of(Tx tx, QueueConfig queue) throws SQLException {
        List<CallRow> waiting = calls.queuedIn(tx, queue.name());
        long oldestMs = waiting.stream().mapToLong(c -> tx.now() - c.queuedMs()).max().orElse(0);
        Map<AgentStatus, Integer> byStatus = agentsByStatus(tx, queue);
        int available = byStatus.getOrDefault(AgentStatus.AVAILABLE, 0);
        int staffed = 0;
        for (Map.Entry<AgentStatus, Integer> e : byStatus.entrySet()) {
            if (e.getKey() != AgentStatus.LOGGED_OFF && e.getKey() != AgentStatus.UNAVAILABLE) staffed += e.getValue();
        }
        History h = history(tx, queue);
        int w = waiting.size();
        int estimate;
        if (w < available) {
            estimate = 0;
        } else if (staffed > 0 && h.handled() > 0) {
            estimate = (int) Math.ceil((w - available + 1) * h.meanHandleMs() / 1000.0 / staffed);
        } else {
            estimate = h.averageWaitSeconds();
        }
        return new QueueFigures(w, (int) (oldestMs / 1000), estimate, h.averageWaitSeconds(), h.serviceLevel(),
                available, byStatus);
    }

    private Map<AgentStatus, Integer> agentsByStatus(Tx tx, QueueConfig queue) throws SQLException {
        Map<String, AgentStatus> states = new java.util.HashMap<>();
        for (AgentRow r : agents.all(tx)) states.put(r.agentId(), r.status());
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        for (AgentConfig a : config.agents()) {
            if (!a.queues().contains(queue.name())) continue;
            byStatus.merge(states.getOrDefault(a.id(), AgentStatus.LOGGED_OFF), 1, Integer::sum);
        }
        return byStatus;
    }

    private History history(Tx tx, QueueConfig queue) throws SQLException {
        long from = tx.now() - config.statistics().windowMinutes() * 60_000L;
        long slMs = queue.serviceLevelSeconds() * 1000L;
        long[] sums = new long[6]; // answered, waitSum, withinSl, counted, handled, handleSum
        Sql.list(tx.c(), "SELECT entered_ms, left_ms, outcome, handled_until_ms FROM queue_visit"
                + " WHERE queue_name = ? AND left_ms >= ?", rs -> {
                    String outcome = rs.getString(3);
                    long waited = rs.getLong(2) - rs.getLong(1);
                    long handledUntil = rs.getLong(4);
                    boolean handled = !rs.wasNull();
                    if ("ANSWERED".equals(outcome)) {
                        sums[0]++;
                        sums[1] += waited;
                        if (waited <= slMs) sums[2]++;
                        if (handled) {
                            sums[4]++;
                            sums[5] += handledUntil - rs.getLong(2);
                        }
                    }
                    if ("ANSWERED".equals(outcome) || "ABANDONED".equals(outcome) || "OVERFLOW".equals(outcome)) {
                        sums[3]++;
                    }
                    return null;
                }, queue.name(), from);
        int averageWait = sums[0] == 0 ? 0 : (int) Math.round(sums[1] / (double) sums[0] / 1000.0);
        int serviceLevel = sums[3] == 0 ? 100 : (int) (sums[2] * 100 / sums[3]);
        double meanHandle = sums[4] == 0 ? 0 : sums[5] / (double) sums[4];
        return new History(averageWait, serviceLevel, (int) sums[4], meanHandle);
    }

    private record History(int averageWaitSeconds, int serviceLevel, int handled, double meanHandleMs) {
    }
}
