package org.ivrgateway.core.callback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of callbacks: tables {@code callback}, {@code callback_schedule}, {@code callback_contact_data}. */
final class CallbackStore {

    /** A stored schedule that may make a new callback a duplicate. */
    record Pending(String callId, String queueName, String digits, Instant start, Instant end) {
    }

    /** Serializes creators on every node until the transaction ends (see callback_guard in V2). */
    void lockForCreate(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM callback_guard WHERE id = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            rs.next();
        }
    }

    /** Unexpired stored schedules to any of these numbers (digits). */
    List<Pending> pendingTo(Connection c, List<String> digits, Instant now) throws SQLException {
        List<Pending> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT cb.call_id, cb.queue_name, s.digits, s.starts_at, s.ends_at
                FROM callback_schedule s JOIN callback cb ON cb.callback_id = s.callback_id
                WHERE s.digits = ? AND s.ends_at > ?""")) {
            for (String d : digits.stream().distinct().toList()) {
                s.setString(1, d);
                s.setObject(2, utc(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Pending(rs.getString(1), rs.getString(2), rs.getString(3),
                                instant(rs, 4), instant(rs, 5)));
                    }
                }
            }
        }
        return found;
    }

    String nextId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT nextval('callback_id_seq')");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return "CB" + rs.getLong(1);
        }
    }

    void insert(Connection c, StoredCallback cb) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO callback (callback_id, call_id, queue_name, description, contact_name,
                                      time_zone_offset, business_unit, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, cb.callbackId());
            s.setString(2, cb.callId());
            s.setString(3, cb.queueName());
            s.setString(4, cb.description());
            s.setString(5, cb.contactName());
            s.setInt(6, cb.timeZoneOffsetMinutes());
            s.setString(7, cb.businessUnit());
            s.setObject(8, utc(cb.createdAt()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO callback_schedule (callback_id, seq, schedule_text, phone, digits, starts_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int seq = 1;
            for (Schedule sc : cb.schedules()) {
                s.setString(1, cb.callbackId());
                s.setInt(2, seq++);
                s.setString(3, sc.text());
                s.setString(4, sc.phone());
                s.setString(5, sc.digits());
                s.setObject(6, utc(sc.start()));
                s.setObject(7, utc(sc.end()));
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO callback_contact_data (callback_id, data_key, data_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : cb.contactData().entrySet()) {
                s.setString(1, cb.callbackId());
                s.setString(2, e.getKey());
                s.setString(3, e.getValue());
                s.executeUpdate();
            }
        }
    }

    Optional<StoredCallback> find(Connection c, String callbackId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT call_id, queue_name, description, time_zone_offset, contact_name, business_unit, created_at
                FROM callback WHERE callback_id = ?""")) {
            s.setString(1, callbackId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new StoredCallback(callbackId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                        schedules(c, callbackId), contactData(c, callbackId)));
            }
        }
    }

    /** Deletes the callback with its schedules and contact data; false when there was none. */
    boolean delete(Connection c, String callbackId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM callback WHERE callback_id = ?")) {
            s.setString(1, callbackId);
            return s.executeUpdate() > 0;
        }
    }

    private static List<Schedule> schedules(Connection c, String callbackId) throws SQLException {
        List<Schedule> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT schedule_text, phone, digits, starts_at, ends_at FROM callback_schedule
                WHERE callback_id = ? ORDER BY seq""")) {
            s.setString(1, callbackId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5)));
                }
            }
        }
        return list;
    }

    private static Map<String, String> contactData(Connection c, String callbackId) throws SQLException {
        Map<String, String> data = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT data_key, data_value FROM callback_contact_data WHERE callback_id = ? ORDER BY data_key")) {
            s.setString(1, callbackId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) data.put(rs.getString(1), rs.getString(2));
            }
        }
        return data;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
