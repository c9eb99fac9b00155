package org.ivrgateway.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.ivrgateway.store.Database;

/**
 * The console's sign-ins (docs/SECURITY.md), in the database ({@code console_session}) so that every node
 * behind a load balancer knows them. The browser's cookie holds a random secret; the table holds only its
 * SHA-256. A sign-in unused for the idle time is gone.
 */
public final class SignIns {
    /** A sign-in's idle clock is reset at most this often, to spare a write on every request. */
    private static final long TOUCH_EVERY_MS = 30_000;

    /** A new sign-in: the cookie's secret and the CSRF token of its forms. */
    public record Started(String secret, String csrf) {
    }

    /** A live sign-in: whose, and the CSRF token its forms carry. */
    public record SignIn(String userName, String csrf) {
    }

    private final Database db;
    private final Clock clock;
    private final long idleMillis;

    public SignIns(Database db, Clock clock, Duration idle) {
        this.db = db;
        this.clock = clock;
        this.idleMillis = idle.toMillis();
    }

    public Started start(String userName) {
        Started started = new Started(Digests.randomSecret(32), Digests.randomSecret(24));
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM console_session WHERE last_used_ms < ?")) {
                purge.setLong(1, now - idleMillis);
                purge.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_session (secret_sha256, user_name,"
                    + " csrf_token, created_ms, last_used_ms) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, Digests.sha256(started.secret()));
                s.setString(2, userName);
                s.setString(3, started.csrf());
                s.setLong(4, now);
                s.setLong(5, now);
                return s.executeUpdate();
            }
        });
        return started;
    }

    /** The live sign-in of that cookie secret; an idle one is removed and not found. */
    public Optional<SignIn> find(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) return Optional.empty();
        String key = Digests.sha256(secret);
        long now = clock.millis();
        return db.inTransaction(c -> {
            String user;
            String csrf;
            long used;
            try (PreparedStatement s = c.prepareStatement("SELECT user_name, csrf_token, last_used_ms"
                    + " FROM console_session WHERE secret_sha256 = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    user = rs.getString(1);
                    csrf = rs.getString(2);
                    used = rs.getLong(3);
                }
            }
            if (now - used > idleMillis) {
                delete(c, key);
                return Optional.empty();
            }
            if (now - used > TOUCH_EVERY_MS) {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE console_session SET last_used_ms = ? WHERE secret_sha256 = ?")) {
                    s.setLong(1, now);
                    s.setString(2, key);
                    s.executeUpdate();
                }
            }
            return Optional.of(new SignIn(user, csrf));
        });
    }

    public void end(String secret) {
        if (secret == null || secret.isEmpty()) return;
        db.inTransaction(c -> delete(c, Digests.sha256(secret)));
    }

    private static int delete(java.sql.Connection c, String key) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE secret_sha256 = ?")) {
            s.setString(1, key);
            return s.executeUpdate();
        }
    }
}
