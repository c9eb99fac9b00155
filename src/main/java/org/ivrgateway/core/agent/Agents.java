package org.ivrgateway.core.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/** The agents' states table: a row per logged-on agent; no row means logged off. */
public final class Agents {
    /** At most this many agents are looked up by a list of keys (see {@link #statuses}). */
    static final int MAX_LISTED = 16;

    public Optional<AgentRow> find(Tx tx, String agentId) throws SQLException {
        return Sql.one(tx.c(), "SELECT * FROM agent_state WHERE agent_id = ?", Agents::map, agentId);
    }

    public Optional<AgentRow> atDevice(Tx tx, String device) throws SQLException {
        return Sql.one(tx.c(), "SELECT * FROM agent_state WHERE device = ?", Agents::map, device);
    }

    public List<AgentRow> all(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM agent_state ORDER BY agent_id", Agents::map);
    }

    /**
     * The stored states of these agents (those with no row are logged off): up to {@value #MAX_LISTED} through
     * the primary key, more in one pass over two columns of every row (docs/STATISTICS.md, "Cost").
     */
    public Map<String, AgentStatus> statuses(Tx tx, List<String> agentIds) throws SQLException {
        Map<String, AgentStatus> out = new HashMap<>();
        if (agentIds.isEmpty()) return out;
        if (agentIds.size() > MAX_LISTED) {
            // A long list of parameters is compared with every row by H2 (a cost of rows × list: 44 % of the
            // benchmark's CPU at 500 agents); one pass over two columns of every row is cheaper.
            Set<String> wanted = new HashSet<>(agentIds);
            Sql.list(tx.c(), "SELECT agent_id, status FROM agent_state", rs -> {
                if (wanted.contains(rs.getString(1))) out.put(rs.getString(1), AgentStatus.of(rs.getInt(2)));
                return null;
            });
            return out;
        }
        String marks = String.join(", ", Collections.nCopies(agentIds.size(), "?"));
        Sql.list(tx.c(), "SELECT agent_id, status FROM agent_state WHERE agent_id IN (" + marks + ")",
                rs -> out.put(rs.getString(1), AgentStatus.of(rs.getInt(2))), agentIds.toArray());
        return out;
    }

    /** Available agents, longest idle first. */
    public List<AgentRow> available(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM agent_state WHERE status = ? ORDER BY idle_since_ms, agent_id",
                Agents::map, AgentStatus.AVAILABLE.code());
    }

    /** Agents whose wrap-up time has run out. */
    public List<AgentRow> wrapUpEnded(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM agent_state WHERE status = ? AND wrap_up_until_ms <= ?",
                Agents::map, AgentStatus.WORK.code(), tx.now());
    }

    public void logOn(Tx tx, String agentId, String device, AgentStatus status) throws SQLException {
        Sql.update(tx.c(), "INSERT INTO agent_state (agent_id, device, status, since_ms, idle_since_ms)"
                + " VALUES (?, ?, ?, ?, ?)", agentId, device, status.code(), tx.now(), tx.now());
        activity(tx, agentId, status);
    }

    public void logOff(Tx tx, String agentId) throws SQLException {
        Sql.update(tx.c(), "DELETE FROM agent_state WHERE agent_id = ?", agentId);
        endActivity(tx, agentId);
    }

    /** The agent's state history for the reports: the open period ends now, a new one starts in {@code status}. */
    private void activity(Tx tx, String agentId, AgentStatus status) throws SQLException {
        endActivity(tx, agentId);
        Sql.update(tx.c(), "INSERT INTO agent_activity (agent_id, status, from_ms) VALUES (?, ?, ?)",
                agentId, status.code(), tx.now());
    }

    private void endActivity(Tx tx, String agentId) throws SQLException {
        Sql.update(tx.c(), "UPDATE agent_activity SET to_ms = ? WHERE agent_id = ? AND to_ms IS NULL", tx.now(), agentId);
    }

    /** Removes state history that ended before {@code beforeMs}. */
    public int purgeActivity(Tx tx, long beforeMs) throws SQLException {
        return Sql.update(tx.c(), "DELETE FROM agent_activity WHERE to_ms < ?", beforeMs);
    }

    /** A new state without a call; AVAILABLE starts the idle time, WORK may end at {@code wrapUpUntil}. */
    public void setState(Tx tx, String agentId, AgentStatus status, Long wrapUpUntil) throws SQLException {
        setState(tx, agentId, status, wrapUpUntil, null);
    }

    /** The same, with the reason the center gives for it (shown on the console). */
    public void setState(Tx tx, String agentId, AgentStatus status, Long wrapUpUntil, String reason)
            throws SQLException {
        if (status == AgentStatus.AVAILABLE) {
            Sql.update(tx.c(), "UPDATE agent_state SET status = ?, since_ms = ?, idle_since_ms = ?, call_id = NULL,"
                    + " wrap_up_until_ms = NULL, reason = ? WHERE agent_id = ?", status.code(), tx.now(), tx.now(),
                    reason, agentId);
        } else {
            Sql.update(tx.c(), "UPDATE agent_state SET status = ?, since_ms = ?, call_id = NULL,"
                    + " wrap_up_until_ms = ?, reason = ? WHERE agent_id = ?", status.code(), tx.now(), wrapUpUntil,
                    reason, agentId);
        }
        activity(tx, agentId, status);
    }

    /** The agent is busy with a call: RINGING when handed it, TALKING once answered. */
    public void busy(Tx tx, String agentId, String callId, AgentStatus status) throws SQLException {
        Sql.update(tx.c(), "UPDATE agent_state SET status = ?, since_ms = ?, call_id = ?, wrap_up_until_ms = NULL,"
                + " reason = NULL WHERE agent_id = ?", status.code(), tx.now(), callId, agentId);
        activity(tx, agentId, status);
    }

    private static AgentRow map(ResultSet rs) throws SQLException {
        return new AgentRow(rs.getString("agent_id"), rs.getString("device"), AgentStatus.of(rs.getInt("status")),
                rs.getLong("since_ms"), Sql.longOrNull(rs, "idle_since_ms"), rs.getString("call_id"),
                Sql.longOrNull(rs, "wrap_up_until_ms"), rs.getString("reason"));
    }
}
