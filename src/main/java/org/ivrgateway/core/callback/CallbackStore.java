package org.ivrgateway.core.callback;

import static org.ivrgateway.core.internal.Sql.bind;
import static org.ivrgateway.core.internal.Sql.instant;
import static org.ivrgateway.core.internal.Sql.list;
import static org.ivrgateway.core.internal.Sql.one;
import static org.ivrgateway.core.internal.Sql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.core.internal.RandomIds;
import org.ivrgateway.core.internal.Sql;

/** The SQL of callbacks: tables {@code callback}, {@code callback_schedule}, {@code callback_contact_data}. */
final class CallbackStore {

    /** A stored schedule that may make a new callback a duplicate. */
    record Pending(String callId, String queueName, String digits, Instant start, Instant end) {
    }

    /**
     * Serializes creators on every node until the transaction ends (see callback_guard in V2), waiting for
     * another creator as long as for the routing lock: on H2 its wait is a setting of the session, which
     * a pooled connection has only if it last served a routing transaction.
     */
    void lockForCreate(Connection c) throws SQLException {
        if ("H2".equals(c.getMetaData().getDatabaseProductName())) update(c, Sql.H2_LOCK_WAIT);
        one(c, "SELECT id FROM callback_guard WHERE id = 1 FOR UPDATE", rs -> rs.getInt(1));
    }

    /** Unexpired stored schedules to any of these numbers (digits). */
    List<Pending> pendingTo(Connection c, List<String> digits, Instant now) throws SQLException {
        List<Pending> found = new ArrayList<>();
        for (String d : digits.stream().distinct().toList()) {
            found.addAll(list(c, """
                    SELECT cb.call_id, cb.queue_name, s.digits, s.starts_at, s.ends_at
                    FROM callback_schedule s JOIN callback cb ON cb.callback_id = s.callback_id
                    WHERE s.digits = ? AND s.ends_at > ? AND cb.status IN ('PENDING', 'QUEUED', 'DIALING')""",
                    rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5)),
                    d, now));
        }
        return found;
    }

    /** "CB" and 15 random letters and digits (about 77 bits): a CallbackID cannot be guessed (docs/SECURITY.md). */
    String nextId() {
        return "CB" + RandomIds.alphanumeric(15);
    }

    void insert(Connection c, StoredCallback cb) throws SQLException {
        update(c, """
                INSERT INTO callback (callback_id, call_id, queue_name, description, contact_name,
                                      time_zone_offset, business_unit, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                cb.callbackId(), cb.callId(), cb.queueName(), cb.description(), cb.contactName(),
                cb.timeZoneOffsetMinutes(), cb.businessUnit(), cb.createdAt());
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO callback_schedule (callback_id, seq, schedule_text, phone, digits, starts_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int seq = 1;
            for (Schedule sc : cb.schedules()) {
                bind(s, cb.callbackId(), seq++, sc.text(), sc.phone(), sc.digits(), sc.start(), sc.end());
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO callback_contact_data (callback_id, data_key, data_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : cb.contactData().entrySet()) {
                bind(s, cb.callbackId(), e.getKey(), e.getValue());
                s.executeUpdate();
            }
        }
    }

    Optional<StoredCallback> find(Connection c, String callbackId) throws SQLException {
        return one(c, """
                SELECT call_id, queue_name, description, time_zone_offset, contact_name, business_unit, created_at
                FROM callback WHERE callback_id = ?""",
                rs -> new StoredCallback(callbackId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                        schedules(c, callbackId), contactData(c, callbackId)),
                callbackId);
    }

    static List<Schedule> schedules(Connection c, String callbackId) throws SQLException {
        return list(c, """
                SELECT schedule_text, phone, digits, starts_at, ends_at FROM callback_schedule
                WHERE callback_id = ? ORDER BY seq""",
                rs -> new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5)),
                callbackId);
    }

    private static Map<String, String> contactData(Connection c, String callbackId) throws SQLException {
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : list(c,
                "SELECT data_key, data_value FROM callback_contact_data WHERE callback_id = ? ORDER BY data_key",
                rs -> Map.entry(rs.getString(1), rs.getString(2)), callbackId)) {
            data.put(e.getKey(), e.getValue());
        }
        return data;
    }
}
