package org.ivrgateway.core.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * The calls table. Every change goes through {@link #set}, which bumps the call's version from the change
 * sequence (how other nodes notice it) and marks the call changed in the transaction (how this node's
 * waiters are woken).
 */
public final class Calls {

    /** A new call: a CallID unique across nodes, at {@code device} (null for none), idle. */
    public CallRow create(Tx tx, boolean monitored, String device, String ani, String dnis) throws SQLException {
        String id = CallIds.next();
        String uuid = UUID.randomUUID().toString().replace("-", "");
        Sql.update(tx.c(), "INSERT INTO ivr_call (call_id, uuid, monitored, device, ani, dnis, visits, fmnq, status,"
                        + " in_center, transferable, ended, created_ms, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1, FALSE, ?, FALSE, TRUE, FALSE, ?, nextval('change_seq'))",
                id, uuid, monitored, device, ani, dnis, CallStatus.IDLE.code(), tx.now());
        tx.changed(id);
        return find(tx, id).orElseThrow();
    }

    public Optional<CallRow> find(Tx tx, String callId) throws SQLException {
        return Sql.one(tx.c(), "SELECT * FROM ivr_call WHERE call_id = ?", Calls::map, callId);
    }

    /** The same, row-locked until the transaction ends. */
    public Optional<CallRow> lock(Tx tx, String callId) throws SQLException {
        return Sql.one(tx.c(), "SELECT * FROM ivr_call WHERE call_id = ? FOR UPDATE", Calls::map, callId);
    }

    /** The live call at an IVR device, the most recent if the switch reported several. */
    public Optional<CallRow> atDevice(Tx tx, String device) throws SQLException {
        return Sql.one(tx.c(), "SELECT * FROM ivr_call WHERE device = ? AND ended = FALSE ORDER BY created_ms DESC",
                Calls::map, device);
    }

    /** Queued calls (status 1), highest priority first, then longest waiting. */
    public List<CallRow> queued(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE status = ? AND ended = FALSE"
                + " ORDER BY priority DESC, queued_ms, call_id", Calls::map, CallStatus.QUEUED.code());
    }

    public int countQueuedIn(Tx tx, String queue) throws SQLException {
        return (int) Sql.count(tx.c(), "SELECT COUNT(*) FROM ivr_call WHERE queue_name = ? AND status = ? AND ended = FALSE",
                queue, CallStatus.QUEUED.code());
    }

    public List<CallRow> queuedIn(Tx tx, String queue) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE queue_name = ? AND status = ? AND ended = FALSE"
                + " ORDER BY priority DESC, queued_ms, call_id", Calls::map, queue, CallStatus.QUEUED.code());
    }

    /**
     * Live calls at a device. Offering a call reads these, not every live call: it runs under the routing
     * lock, 200 times a second on a busy node (docs/BENCHMARKS.md).
     */
    public List<CallRow> liveAt(Tx tx, String device) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE device = ? AND ended = FALSE ORDER BY created_ms, call_id",
                Calls::map, device);
    }

    /** Live calls of one caller (ANI and DNIS), through the caller index (V3__routing_indexes.sql); see {@link #liveAt}. */
    public List<CallRow> liveOf(Tx tx, String ani, String dnis) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE ani = ? AND dnis = ? AND ended = FALSE"
                + " ORDER BY created_ms, call_id", Calls::map, ani, dnis);
    }

    /** The first {@code limit} queued calls in the order of {@link #queued}. */
    public List<CallRow> queued(Tx tx, int limit) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE status = ? AND ended = FALSE"
                + " ORDER BY priority DESC, queued_ms, call_id LIMIT ?", Calls::map, CallStatus.QUEUED.code(), limit);
    }

    public List<CallRow> live(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE ended = FALSE ORDER BY created_ms, call_id", Calls::map);
    }

    /** Sets columns ({@code "status = ?, extension = ?"}) of one call and records the change. */
    public void set(Tx tx, String callId, String assignments, Object... values) throws SQLException {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = callId;
        Sql.update(tx.c(), "UPDATE ivr_call SET " + assignments + ", version = nextval('change_seq')"
                + " WHERE call_id = ?", params);
        tx.changed(callId);
    }

    /** Stored versions of these calls, for the watcher of other nodes' changes. */
    public Map<String, Long> versions(Tx tx, List<String> callIds) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (callIds.isEmpty()) return out;
        String marks = String.join(",", Collections.nCopies(callIds.size(), "?"));
        Sql.list(tx.c(), "SELECT call_id, version FROM ivr_call WHERE call_id IN (" + marks + ")",
                rs -> out.put(rs.getString(1), rs.getLong(2)), callIds.toArray());
        return out;
    }

    /** Removes calls that ended before {@code beforeMs}, with their contact data. */
    public int purge(Tx tx, long beforeMs) throws SQLException {
        Sql.update(tx.c(), "DELETE FROM contact_data WHERE call_id IN"
                + " (SELECT call_id FROM ivr_call WHERE ended = TRUE AND ended_ms < ?)", beforeMs);
        return Sql.update(tx.c(), "DELETE FROM ivr_call WHERE ended = TRUE AND ended_ms < ?", beforeMs);
    }

    static CallRow map(ResultSet rs) throws SQLException {
        return new CallRow(rs.getString("call_id"), rs.getString("uuid"), rs.getBoolean("monitored"),
                rs.getString("device"), rs.getString("ani"), rs.getString("dnis"), rs.getInt("visits"),
                rs.getBoolean("fmnq"), rs.getInt("status"), rs.getString("extension"), rs.getString("queue_name"),
                Sql.intOrNull(rs, "priority"), rs.getString("description"), Sql.boolOrNull(rs, "ivr_hold"),
                rs.getBoolean("in_center"), Sql.longOrNull(rs, "queued_ms"), Sql.longOrNull(rs, "overflow_ms"),
                rs.getString("reserved_agent"), Sql.longOrNull(rs, "reserved_until_ms"), rs.getString("agent_id"),
                rs.getBoolean("transferable"), rs.getString("business_unit"), rs.getString("display"),
                rs.getBoolean("ended"), rs.getLong("created_ms"), Sql.longOrNull(rs, "ended_ms"),
                rs.getLong("version"));
    }
}
