package org.ivrgateway.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.store.Database;

/**
 * The audit log (docs/SECURITY.md): every change made by a person or a connector, every sign-in and
 * refused sign-in, in the database ({@code audit_log}) so that every node writes to one log.
 */
public final class AuditLog {
    public static final String SIGN_IN = "sign-in";
    public static final String SIGN_IN_REFUSED = "sign-in refused";
    public static final String SIGN_OUT = "sign-out";

    /** One entry: who (name and role), when, from where, what, and the answer. */
    public record Entry(long id, Instant at, String actor, String role, String source, String action, String detail,
                        int status, String outcome) {
    }

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(String actor, String role, String source, String action, String detail, int status,
                       String outcome) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (id, at_ms, actor, role, source,"
                    + " action, detail, status, outcome) VALUES (nextval('audit_seq'), ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, clock.millis());
                s.setString(2, cut(actor, 64));
                s.setString(3, cut(role, 16));
                s.setString(4, cut(source, 64));
                s.setString(5, cut(action, 200));
                s.setString(6, cut(detail, 1000));
                s.setInt(7, status);
                s.setString(8, outcome == null ? null : cut(outcome, 500));
                return s.executeUpdate();
            }
        });
    }

    /** The latest {@code limit} entries, newest first. */
    public List<Entry> recent(int limit) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, at_ms, actor, role, source, action, detail,"
                    + " status, outcome FROM audit_log ORDER BY id DESC LIMIT ?")) {
                s.setInt(1, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                                rs.getString(9)));
                    }
                }
                return entries;
            }
        });
    }

    /** Refused sign-ins within {@code window} for that user name, and from that address: the larger count. */
    public int refusedSignIns(String name, String source, Duration window) {
        long since = clock.millis() - window.toMillis();
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT"
                    + " COALESCE(SUM(CASE WHEN actor = ? THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN source = ? THEN 1 ELSE 0 END), 0)"
                    + " FROM audit_log WHERE action = ? AND at_ms >= ?")) {
                s.setString(1, cut(name, 64));
                s.setString(2, cut(source, 64));
                s.setString(3, SIGN_IN_REFUSED);
                s.setLong(4, since);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return (int) Math.max(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
