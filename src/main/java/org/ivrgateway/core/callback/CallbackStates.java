package org.ivrgateway.core.callback;

import static org.ivrgateway.core.internal.Sql.list;
import static org.ivrgateway.core.internal.Sql.one;
import static org.ivrgateway.core.internal.Sql.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.core.internal.Sql;

/**
 * The life of a stored callback (docs/CALLBACKS.md): PENDING until one of its schedules is open in
 * business hours, QUEUED while a call stands for it in its callback queue (offered to an agent or not),
 * DIALING once that agent accepted it, then ANSWERED, or PENDING again for a retry after
 * {@code retryMinutes}, or closed: FAILED after {@code maxAttempts}, EXPIRED when its schedules have passed,
 * CANCELLED by DeleteCallback. Every attempt is a row of {@code callback_attempt}.
 */
public final class CallbackStates {
    public static final String PENDING = "PENDING";
    public static final String QUEUED = "QUEUED";
    public static final String DIALING = "DIALING";
    public static final String ANSWERED = "ANSWERED";
    public static final String FAILED = "FAILED";
    public static final String EXPIRED = "EXPIRED";
    public static final String CANCELLED = "CANCELLED";
    /** The outcomes the telephony side reports for a placed call. */
    public static final List<String> OUTCOMES = List.of("answered", "no-answer", "busy", "failed");

    private final CallbackConfig config;
    private final BusinessHours hours;

    public CallbackStates(CallbackConfig config) {
        this.config = config;
        this.hours = new BusinessHours(config);
    }

    /** A callback as the executing side needs it. */
    public record Open(String callbackId, String queue, String status, String description, String contactName,
                       String businessUnit, int attempts, Long notBeforeMs, String callRowId, Long sinceMs,
                       List<Schedule> schedules) {

        /** The schedule open at {@code now}, if any. */
        public Optional<Schedule> openAt(Instant now) {
            return schedules.stream().filter(s -> !s.start().isAfter(now) && s.end().isAfter(now)).findFirst();
        }

        public boolean allPassed(Instant now) {
            return schedules.stream().noneMatch(s -> s.end().isAfter(now));
        }
    }

    /**
     * The callbacks the sweeper may have to act on at {@code now}, oldest first: every QUEUED and DIALING one,
     * and the PENDING ones that are due but for business hours (past any retry delay, a schedule open) or
     * whose schedules have all passed. A PENDING callback waiting for a later window is not read: the sweep
     * runs every second inside the routing lock, however many callbacks wait for tomorrow.
     */
    public List<Open> actionable(Connection c, Instant now) throws SQLException {
        return select(c, """
                status IN (?, ?) OR (status = ? AND (
                    ((not_before_ms IS NULL OR not_before_ms <= ?) AND EXISTS (SELECT 1 FROM callback_schedule s
                        WHERE s.callback_id = cb.callback_id AND s.starts_at <= ? AND s.ends_at > ?))
                    OR NOT EXISTS (SELECT 1 FROM callback_schedule s
                        WHERE s.callback_id = cb.callback_id AND s.ends_at > ?)))""",
                QUEUED, DIALING, PENDING, now.toEpochMilli(), now, now, now);
    }

    /** The callback, if it is not yet closed (PENDING, QUEUED, DIALING). */
    public Optional<Open> find(Connection c, String callbackId) throws SQLException {
        List<Open> found = select(c, "callback_id = ? AND status IN (?, ?, ?)", callbackId, PENDING, QUEUED, DIALING);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private static List<Open> select(Connection c, String where, Object... params) throws SQLException {
        return list(c, """
                SELECT cb.callback_id, cb.queue_name, cb.status, cb.description, cb.contact_name, cb.business_unit,
                       cb.attempts, cb.not_before_ms, cb.call_row_id, cb.status_since_ms
                FROM callback cb WHERE\s""" + where + " ORDER BY cb.created_at, cb.callback_id",
                rs -> new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), Sql.longOrNull(rs, "not_before_ms"), rs.getString(9),
                        Sql.longOrNull(rs, "status_since_ms"), CallbackStore.schedules(c, rs.getString(1))),
                params);
    }

    /** The phone to call now: the open schedule's, while business hours are open and no retry delay runs. */
    public Optional<Schedule> dueNow(Open cb, Instant now) {
        if (!PENDING.equals(cb.status())) return Optional.empty();
        if (cb.notBeforeMs() != null && cb.notBeforeMs() > now.toEpochMilli()) return Optional.empty();
        if (!hours.isOpen(now)) return Optional.empty();
        return cb.openAt(now);
    }

    /** True when a queued callback may no longer be offered now: its window closed or business hours did. */
    public boolean outOfWindow(Open cb, Instant now) {
        return cb.openAt(now).isEmpty() || !hours.isOpen(now);
    }

    public void queued(Connection c, String callbackId, String callRowId, long now) throws SQLException {
        setStatus(c, callbackId, QUEUED, now, "call_row_id = ?", callRowId);
    }

    /** Back to waiting for its window (it was queued when the window closed): PENDING, or EXPIRED when none is left. */
    public void unqueued(Connection c, Open cb, Instant now) throws SQLException {
        setStatus(c, cb.callbackId(), cb.allPassed(now) ? EXPIRED : PENDING, now.toEpochMilli(), "call_row_id = NULL");
    }

    public void expire(Connection c, String callbackId, long now) throws SQLException {
        setStatus(c, callbackId, EXPIRED, now, "call_row_id = call_row_id");
    }

    /** The agent accepted: one more attempt, to {@code phone}, now being dialled. */
    public void dialing(Connection c, Open cb, String phone, String agentId, long now) throws SQLException {
        int seq = cb.attempts() + 1;
        update(c, "INSERT INTO callback_attempt (callback_id, seq, phone, agent_id, started_ms) VALUES (?, ?, ?, ?, ?)",
                cb.callbackId(), seq, phone, agentId, now);
        setStatus(c, cb.callbackId(), DIALING, now, "attempts = ?", seq);
    }

    /**
     * The attempt ended with {@code outcome}: ANSWERED closes the callback; anything else retries it after
     * retryMinutes while attempts remain and a schedule is still ahead, else closes it FAILED or EXPIRED.
     * Returns the new status.
     */
    public String ended(Connection c, Open cb, String outcome, Instant now) throws SQLException {
        update(c, "UPDATE callback_attempt SET outcome = ?, ended_ms = ? WHERE callback_id = ? AND seq = ?",
                outcome, now.toEpochMilli(), cb.callbackId(), cb.attempts());
        if ("answered".equals(outcome)) {
            setStatus(c, cb.callbackId(), ANSWERED, now.toEpochMilli(), "call_row_id = call_row_id");
            return ANSWERED;
        }
        Instant retryAt = now.plusSeconds(config.retryMinutes() * 60L);
        String next;
        if (cb.attempts() >= config.maxAttempts()) {
            next = FAILED;
        } else if (cb.schedules().stream().noneMatch(s -> s.end().isAfter(retryAt))) {
            next = EXPIRED;
        } else {
            next = PENDING;
        }
        setStatus(c, cb.callbackId(), next, now.toEpochMilli(), "call_row_id = NULL, not_before_ms = ?",
                retryAt.toEpochMilli());
        return next;
    }

    /** DeleteCallback: a PENDING or QUEUED callback is CANCELLED (its call row, if any, is returned); else -1021. */
    public Optional<String> cancel(Connection c, String callbackId, long now) throws SQLException {
        Optional<Open> cb = find(c, callbackId).filter(o -> !DIALING.equals(o.status()));
        if (cb.isEmpty()) {
            throw new IvrException(ReturnCode.INVALID_CALLBACK_ID, "no pending callback " + callbackId);
        }
        setStatus(c, callbackId, CANCELLED, now, "call_row_id = call_row_id");
        return Optional.ofNullable(cb.get().callRowId());
    }

    /** Every callback with its attempts, newest first, for the read views. */
    public List<Views.Callback> views(Connection c) throws SQLException {
        List<Views.Callback> out = new ArrayList<>();
        for (String id : list(c, "SELECT callback_id FROM callback ORDER BY created_at DESC, callback_id DESC",
                rs -> rs.getString(1))) {
            view(c, id).ifPresent(out::add);
        }
        return out;
    }

    public Optional<Views.Callback> view(Connection c, String callbackId) throws SQLException {
        return one(c, """
                SELECT cb.call_id, cb.queue_name, cb.status, cb.contact_name, cb.description, cb.attempts,
                       cb.not_before_ms, cb.call_row_id, r.agent_id, r.status
                FROM callback cb LEFT JOIN ivr_call r ON r.call_id = cb.call_row_id WHERE cb.callback_id = ?""",
                rs -> {
                    String status = rs.getString(3);
                    String offeredTo = QUEUED.equals(status) && rs.getInt(10) == 2 ? rs.getString(9) : null;
                    if (DIALING.equals(status)) offeredTo = rs.getString(9);
                    Long notBefore = Sql.longOrNull(rs, "not_before_ms");
                    return new Views.Callback(callbackId, rs.getString(1), rs.getString(2),
                            offeredTo != null && QUEUED.equals(status) ? "OFFERED" : status, rs.getString(4),
                            rs.getString(5), CallbackStore.schedules(c, callbackId).stream().map(Schedule::text).toList(),
                            contactData(c, callbackId), rs.getInt(6), config.maxAttempts(),
                            notBefore == null ? null : Instant.ofEpochMilli(notBefore), rs.getString(8), offeredTo,
                            attempts(c, callbackId));
                }, callbackId);
    }

    private static List<Views.CallbackAttempt> attempts(Connection c, String callbackId) throws SQLException {
        return list(c, "SELECT seq, phone, agent_id, started_ms, outcome, ended_ms FROM callback_attempt"
                        + " WHERE callback_id = ? ORDER BY seq",
                rs -> new Views.CallbackAttempt(rs.getInt(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                        Sql.longOrNull(rs, "ended_ms") == null ? null : Instant.ofEpochMilli(rs.getLong(6))),
                callbackId);
    }

    private static Map<String, String> contactData(Connection c, String callbackId) throws SQLException {
        Map<String, String> data = new LinkedHashMap<>();
        list(c, "SELECT data_key, data_value FROM callback_contact_data WHERE callback_id = ? ORDER BY data_key",
                rs -> data.put(rs.getString(1), rs.getString(2)), callbackId);
        return data;
    }

    private static void setStatus(Connection c, String callbackId, String status, long now, String more,
                                  Object... values) throws SQLException {
        Object[] params = new Object[values.length + 3];
        params[0] = status;
        params[1] = now;
        System.arraycopy(values, 0, params, 2, values.length);
        params[params.length - 1] = callbackId;
        update(c, "UPDATE callback SET status = ?, status_since_ms = ?, " + more + " WHERE callback_id = ?", params);
    }
}
