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
 * The calls table. Every change is a named transition ({@link #queue}, {@link #assign}, {@link #requeue},
 * {@link #overflow}, …); each bumps the call's version from the change sequence (how other nodes notice
 * it) and marks the call changed in the transaction (how this node's waiters are woken). The transitions
 * that put a call in a queue, take it out or change its priority are given the call as this transaction
 * read it, and move its count in {@link QueueRanks} in the same transaction: those counts are the one
 * source of PositionInQueue and of the counts of waiting calls (docs/STATISTICS.md, "Cost").
 */
public final class Calls {
    /**
     * The queue order, the one place it is written: highest priority first, then longest waiting, then
     * CallID so that the order is total. The index of V3__routing_indexes.sql follows it.
     */
    public static final String QUEUE_ORDER = " ORDER BY priority DESC, queued_ms, call_id";

    private static final int QUEUED = CallStatus.QUEUED.code();

    private final QueueRanks ranks;

    /** {@code postgres}: the dialect of {@link QueueRanks}'s one upsert. */
    public Calls(boolean postgres) {
        this.ranks = new QueueRanks(postgres);
    }

    /**
     * A new call: a CallID unique across nodes, at {@code device} (null for none), idle. Visits counts the
     * times a monitored IVR answered it (the guide's definition), so an unmonitored call starts at 0.
     */
    public CallRow create(Tx tx, boolean monitored, String device, String ani, String dnis, String switchCallId)
            throws SQLException {
        String id = CallIds.next();
        String uuid = UUID.randomUUID().toString().replace("-", "");
        Sql.update(tx.c(), "INSERT INTO ivr_call (call_id, uuid, monitored, device, ani, dnis, visits, fmnq, status,"
                        + " in_center, transferable, ended, created_ms, version, switch_call_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, FALSE, TRUE, FALSE, ?, nextval('change_seq'), ?)",
                id, uuid, monitored, device, ani, dnis, monitored ? 1 : 0, CallStatus.IDLE.code(), tx.now(),
                switchCallId);
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

    /** The live call the switch knows as {@code switchCallId}, if any. */
    public Optional<CallRow> bySwitchId(Tx tx, String switchCallId) throws SQLException {
        if (switchCallId == null || switchCallId.isEmpty()) return Optional.empty();
        return Sql.one(tx.c(), "SELECT * FROM ivr_call WHERE switch_call_id = ? AND ended = FALSE"
                + " ORDER BY created_ms DESC", Calls::map, switchCallId);
    }

    /** The live call at an IVR device, the most recent if the switch reported several. */
    public Optional<CallRow> atDevice(Tx tx, String device) throws SQLException {
        return Sql.one(tx.c(), "SELECT * FROM ivr_call WHERE device = ? AND ended = FALSE ORDER BY created_ms DESC",
                Calls::map, device);
    }

    /** Queued calls (status 1) in {@link #QUEUE_ORDER}. */
    public List<CallRow> queued(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE status = ? AND ended = FALSE" + QUEUE_ORDER,
                Calls::map, QUEUED);
    }

    /** The first {@code limit} queued calls in {@link #QUEUE_ORDER}. */
    public List<CallRow> queued(Tx tx, int limit) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE status = ? AND ended = FALSE" + QUEUE_ORDER + " LIMIT ?",
                Calls::map, QUEUED, limit);
    }

    /** The calls waiting in {@code queue}: one row of {@link QueueRanks}. */
    public int countQueuedIn(Tx tx, String queue) throws SQLException {
        return (int) Sql.count(tx.c(), "SELECT " + QueueRanks.totalSql(), queue);
    }

    /**
     * The calls waiting in {@code queue} with a priority of {@code priority} or more, but {@code call} itself
     * (Enqueue's calls ahead, counted before the call is placed): a prefix of {@link QueueRanks}.
     */
    public int countQueuedFrom(Tx tx, String queue, int priority, CallRow call) throws SQLException {
        long n = Sql.count(tx.c(), "SELECT " + QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER,
                QueueRanks.lastIndexOfPriority(priority)), queue);
        boolean itself = call.isQueued() && queue.equals(call.queue()) && call.priority() >= priority;
        return (int) n - (itself ? 1 : 0);
    }

    /** What QueryQueueStatistics reads of the waiting calls: how many, the oldest, those queued before a time. */
    public record Waiting(int calls, Long oldestQueuedMs, int queuedBefore) {
    }

    /**
     * The calls waiting in {@code queue}, the instant the longest-waiting of them was queued, and how many were
     * queued before {@code before} — in one statement reading a bounded number of rows: the root of the
     * queue-order tree; the first entry of the index ivr_call_queue_arrival (V13__queue_ranks.sql); a prefix of
     * the arrival tree, and the calls of {@code before}'s second read through that index.
     */
    public Waiting waiting(Tx tx, String queue, long before) throws SQLException {
        Query q = waitingQuery(queue, before);
        return Sql.one(tx.c(), q.sql(), rs -> {
            long oldest = rs.getLong(2);
            Long first = rs.wasNull() ? null : oldest;
            return new Waiting(rs.getInt(1), first, rs.getInt(3));
        }, q.params()).orElseThrow();
    }

    /** One statement and its parameters (the reads of the queue ranks; QueueRanksPlanTest explains them). */
    record Query(String sql, Object... params) {
    }

    static Query waitingQuery(String queue, long before) {
        long second = QueueRanks.second(before);
        String live = " FROM ivr_call WHERE queue_name = ? AND status = ? AND ended = FALSE";
        // The oldest: written so that H2 too takes the first entry of ivr_call_queue_arrival ("index sorted"),
        // where a bare ORDER BY queued_ms had it sort the queue's calls read through ivr_call_queue.
        return new Query("SELECT " + QueueRanks.totalSql() + ", (SELECT queued_ms" + live
                + " AND queued_ms >= ? ORDER BY queue_name, status, queued_ms LIMIT 1), "
                + QueueRanks.prefixSql(QueueRanks.ARRIVAL, second)
                + " + (SELECT COUNT(*)" + live + " AND queued_ms >= ? AND queued_ms < ?)",
                queue, queue, QUEUED, Long.MIN_VALUE, queue, queue, QUEUED, QueueRanks.secondStartMs(second), before);
    }

    public List<CallRow> queuedIn(Tx tx, String queue) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE queue_name = ? AND status = ? AND ended = FALSE"
                + QUEUE_ORDER, Calls::map, queue, QUEUED);
    }

    /**
     * The call's place in its queue, 1 for the head: the calls ahead of it in {@link #QUEUE_ORDER}, plus one.
     * Those of a higher priority or of the same priority and an earlier second are a prefix of the queue-order
     * tree of {@link QueueRanks}; those of the same priority and second that are ahead of it (earlier, or the
     * same instant and a smaller CallID) are two ranges of the index ivr_call_queue_order within that second
     * (V12__running_sums.sql): one statement, whatever the length of the queue (docs/STATISTICS.md, "Cost").
     */
    public int position(Tx tx, CallRow call) throws SQLException {
        if (!call.isQueued()) return 0;
        Query q = positionQuery(call);
        return 1 + (int) Sql.count(tx.c(), q.sql(), q.params());
    }

    static Query positionQuery(CallRow call) {
        long index = QueueRanks.orderIndex(call.priority(), call.queuedMs());
        long secondStart = QueueRanks.secondStartMs(QueueRanks.second(call.queuedMs()));
        String queued = "SELECT COUNT(*) FROM ivr_call WHERE queue_name = ? AND status = ? AND ended = FALSE AND ";
        return new Query("SELECT " + QueueRanks.prefixSql(QueueRanks.QUEUE_ORDER, index - 1)
                + " + (" + queued + "priority = ? AND queued_ms >= ? AND queued_ms < ?) + (" + queued
                + "priority = ? AND queued_ms = ? AND call_id < ?)",
                call.queue(), call.queue(), QUEUED, call.priority(), secondStart, call.queuedMs(),
                call.queue(), QUEUED, call.priority(), call.queuedMs(), call.callId());
    }

    /**
     * Calls whose timer ({@link CallRow#nextTimerMs}) is due at {@code now}, read through their indexes: the
     * same conditions in SQL; {@link CallRow#dueTimer} says which timer fires.
     */
    public List<CallRow> withDueTimers(Tx tx, long now) throws SQLException {
        List<CallRow> due = Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE status = ? AND ended = FALSE"
                + " AND (overflow_ms <= ? OR reserved_until_ms <= ?)" + QUEUE_ORDER, Calls::map, QUEUED, now, now);
        due.addAll(Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE status = ? AND ended = FALSE AND answered_ms IS NULL"
                + " AND ring_until_ms <= ? ORDER BY ring_until_ms, call_id", Calls::map, CallStatus.WAITING.code(), now));
        return due;
    }

    /** Live calls at a device (offering a call reads these, not every live call: it runs under the routing lock). */
    public List<CallRow> liveAt(Tx tx, String device) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE device = ? AND ended = FALSE ORDER BY created_ms, call_id",
                Calls::map, device);
    }

    public List<CallRow> live(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE ended = FALSE ORDER BY created_ms, call_id", Calls::map);
    }

    /** A page of the live calls in order of arrival. */
    public List<CallRow> live(Tx tx, int offset, int limit) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE ended = FALSE ORDER BY created_ms, call_id"
                + " LIMIT ? OFFSET ?", Calls::map, limit, offset);
    }

    /**
     * Live calls that have not changed since {@code before} (epoch ms): lost, their clear never reported. A
     * callback waiting in its queue is not a call the switch reports; its schedules end it (docs/CALLBACKS.md).
     */
    public List<CallRow> unchangedSince(Tx tx, long before, int limit) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE ended = FALSE AND callback_id IS NULL"
                + " AND COALESCE(touched_ms, created_ms) < ? ORDER BY created_ms, call_id LIMIT ?", Calls::map, before, limit);
    }

    public int liveCount(Tx tx) throws SQLException {
        return (int) Sql.count(tx.c(), "SELECT COUNT(*) FROM ivr_call WHERE ended = FALSE");
    }

    /**
     * Live calls expected at {@code queue}'s pilot and not there yet: a queue-hold stay in that queue (queued
     * or handed to an agent), or a call sent to the pilot (an overflow, a transfer) that is not with an agent.
     */
    public List<CallRow> expectedAtPilot(Tx tx, String queue, String pilot) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM ivr_call WHERE ended = FALSE AND in_center = FALSE AND"
                        + " ((queue_name = ? AND ivr_hold = FALSE AND status IN (?, ?)) OR (extension = ? AND status <> ?))"
                        + " ORDER BY created_ms, call_id", Calls::map, queue, QUEUED, CallStatus.WAITING.code(), pilot,
                CallStatus.WAITING.code());
    }

    // Transitions

    /** The call left its IVR device (transferred, answered elsewhere, another call offered there). */
    public void leaveDevice(Tx tx, String callId) throws SQLException {
        set(tx, callId, "device = NULL");
    }

    /**
     * The call is offered again at an IVR device: one more visit; FMNQ when it kept its place in a queue. A
     * call an agent had answered is back from that agent: idle again, with no agent.
     */
    public void returnToDevice(Tx tx, CallRow call, String device) throws SQLException {
        if (call.answeredMs() != null) {
            leave(tx, call);
            set(tx, call.callId(), "device = ?, visits = ?, fmnq = FALSE, in_center = FALSE, status = ?,"
                    + " extension = NULL, agent_id = NULL, answered_ms = NULL", device, call.visits() + 1,
                    CallStatus.IDLE.code());
        } else {
            set(tx, call.callId(), "device = ?, visits = ?, fmnq = ?, in_center = FALSE", device, call.visits() + 1,
                    call.isQueued());
        }
    }

    /**
     * Into a queue: a new stay, priority {@code priority} (also its base for aging), transferable again. A call
     * already waiting (in this queue or another) leaves its place for the new one.
     */
    public void queue(Tx tx, CallRow call, String queue, int priority, String description, boolean ivrHold,
                      Long overflowAt, String reservedAgent, Long reservedUntil) throws SQLException {
        ranks.write(tx, new QueueRanks.Moves().leave(QueueRanks.Place.of(call))
                .enter(new QueueRanks.Place(queue, priority, tx.now())));
        set(tx, call.callId(), "status = ?, extension = NULL, queue_name = ?, priority = ?, base_priority = ?,"
                        + " description = ?, ivr_hold = ?, queued_ms = ?, overflow_ms = ?, reserved_agent = ?,"
                        + " reserved_until_ms = ?, agent_id = NULL, ring_until_ms = NULL, answered_ms = NULL,"
                        + " transferable = TRUE",
                QUEUED, queue, priority, priority, description, ivrHold, tx.now(), overflowAt, reservedAgent,
                reservedUntil);
    }

    /** Handed to an agent: status 2 with the agent's extension, ringing until {@code ringUntil} (null: no limit). */
    public void assign(Tx tx, CallRow call, String extension, String agentId, Long ringUntil) throws SQLException {
        leave(tx, call);
        set(tx, call.callId(), "status = ?, extension = ?, agent_id = ?, reserved_agent = NULL, reserved_until_ms = NULL,"
                        + " overflow_ms = NULL, ring_until_ms = ?, answered_ms = NULL",
                CallStatus.WAITING.code(), extension, agentId, ringUntil);
    }

    /**
     * Back to its queue from an agent who did not answer, at the place its entry time gives it (and the
     * priority it had when it was handed out: priorities age only while a call waits).
     */
    public void requeue(Tx tx, CallRow call, Long overflowAt) throws SQLException {
        if (!call.isQueued()) {
            ranks.write(tx, new QueueRanks.Moves().enter(new QueueRanks.Place(call.queue(), call.priority(),
                    call.queuedMs())));
        }
        set(tx, call.callId(), "status = ?, extension = NULL, agent_id = NULL, ring_until_ms = NULL, answered_ms = NULL,"
                + " overflow_ms = ?", QUEUED, overflowAt);
    }

    /** Waited past the overflow time: status 3 with the overflow destination. */
    public void overflow(Tx tx, CallRow call, String destination) throws SQLException {
        leave(tx, call);
        set(tx, call.callId(), "status = ?, extension = ?, overflow_ms = NULL, reserved_agent = NULL,"
                + " reserved_until_ms = NULL", CallStatus.NO_ANSWER.code(), destination);
    }

    /** Out of its queue (or back from the agent it was handed to): status 0. */
    public void dequeue(Tx tx, CallRow call) throws SQLException {
        leave(tx, call);
        set(tx, call.callId(), "status = ?, extension = NULL, overflow_ms = NULL, reserved_agent = NULL,"
                + " reserved_until_ms = NULL, agent_id = NULL, ring_until_ms = NULL", CallStatus.IDLE.code());
    }

    /** The reservation for one agent ended: any agent of the queue may take the call now. */
    public void endReservation(Tx tx, String callId) throws SQLException {
        set(tx, callId, "reserved_agent = NULL, reserved_until_ms = NULL");
    }

    /** The agent it was handed to answered: the call has left the IVR. */
    public void answered(Tx tx, String callId) throws SQLException {
        set(tx, callId, "device = NULL, ring_until_ms = NULL, answered_ms = ?", tx.now());
    }

    /** The call stands for a callback waiting for an agent. */
    public void linkCallback(Tx tx, String callId, String callbackId) throws SQLException {
        set(tx, callId, "callback_id = ?", callbackId);
    }

    /** The IVR transferred the call to {@code destination}, a queue's pilot, where it is now expected. */
    public void sentTo(Tx tx, String callId, String destination) throws SQLException {
        set(tx, callId, "device = NULL, extension = ?", destination);
    }

    /** The call reached a pilot or a transit number: the switch holds it now. */
    public void arrivedInCenter(Tx tx, String callId) throws SQLException {
        set(tx, callId, "in_center = TRUE, device = NULL");
    }

    /** The call ended wherever it was: status 5, no timer runs. */
    public void end(Tx tx, CallRow call) throws SQLException {
        leave(tx, call);
        set(tx, call.callId(), "ended = TRUE, ended_ms = ?, status = ?, device = NULL, overflow_ms = NULL,"
                + " reserved_until_ms = NULL, ring_until_ms = NULL", tx.now(), CallStatus.DISCONNECT.code());
    }

    public void setTransferable(Tx tx, String callId, boolean transferable) throws SQLException {
        set(tx, callId, "transferable = ?", transferable);
    }

    public void setBusinessUnit(Tx tx, String callId, String unit) throws SQLException {
        set(tx, callId, "business_unit = ?", unit);
    }

    public void setDisplay(Tx tx, String callId, String text) throws SQLException {
        set(tx, callId, "display = ?", text);
    }

    /**
     * Ages the priorities of the calls waiting in {@code queue}: one more per {@code everyMs} waited, from the
     * priority they were queued with, up to {@code max}. Only calls whose priority changes are written.
     */
    public void agePriorities(Tx tx, String queue, long everyMs, int max) throws SQLException {
        List<CallRow> waiting = queuedIn(tx, queue);
        QueueRanks.Moves moves = new QueueRanks.Moves();
        for (CallRow c : waiting) {
            int base = c.basePriority() == null ? c.priority() : c.basePriority();
            long steps = Math.max(0, (tx.now() - c.queuedMs()) / everyMs);
            int aged = (int) Math.min(max, base + steps);
            if (aged > c.priority()) {
                moves.reprioritize(queue, c.priority(), aged, c.queuedMs());
                set(tx, c.callId(), "priority = ?", aged);
            }
        }
        ranks.write(tx, moves); // the moves of every aged call in one statement
    }

    /** Removes the counts of {@link QueueRanks} that hold nothing any more; in a routing transaction. */
    public void purgeRanks(Tx tx) throws SQLException {
        ranks.purge(tx);
    }

    /** A transition that takes the call out of its queue, if it waits in one. */
    private void leave(Tx tx, CallRow call) throws SQLException {
        if (call.isQueued()) ranks.write(tx, new QueueRanks.Moves().leave(QueueRanks.Place.of(call)));
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

    private void set(Tx tx, String callId, String assignments, Object... values) throws SQLException {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = tx.now(); // when it last changed: calls.maxAgeHours counts from it
        params[values.length + 1] = callId;
        Sql.update(tx.c(), "UPDATE ivr_call SET " + assignments + ", version = nextval('change_seq'), touched_ms = ?"
                + " WHERE call_id = ?", params);
        tx.changed(callId);
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
                rs.getLong("version"), rs.getString("switch_call_id"), Sql.longOrNull(rs, "ring_until_ms"),
                Sql.longOrNull(rs, "answered_ms"), Sql.intOrNull(rs, "base_priority"));
    }
}
