package org.ivrgateway.core.session;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/** API sessions in the database, so that any node can serve any request of a session. */
public final class Sessions {
    /** A used session's idle clock is reset at most this often, to spare a write on every request. */
    private static final long TOUCH_EVERY_MS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long idleMillis;

    public Sessions(int sessionIdleSeconds) {
        this.idleMillis = sessionIdleSeconds * 1000L;
    }

    /**
     * Starts a new session for {@code client} on {@code localPort}. It never ends or changes another session:
     * many channels of one platform, or many platforms behind one address, may use the same LocalPort (the
     * guide's own example is a constant), so sessions are told apart by their id alone.
     */
    public Session create(Tx tx, String client, String localPort, int rpcTimeoutMillis) throws SQLException {
        String who = client == null ? "" : client;
        String id = newId();
        Sql.update(tx.c(), "INSERT INTO api_session (session_id, client, local_port, rpc_timeout_ms, created_ms,"
                + " last_used_ms) VALUES (?, ?, ?, ?, ?, ?)", id, who, localPort, rpcTimeoutMillis, tx.now(), tx.now());
        return new Session(id, who, localPort, rpcTimeoutMillis, null, null, null, null, tx.now());
    }

    /** The live session of that id; an idle-expired one is removed and not found. */
    public Optional<Session> find(Tx tx, String id) throws SQLException {
        if (id == null || id.isEmpty()) return Optional.empty();
        Optional<Session> found = Sql.one(tx.c(), "SELECT * FROM api_session WHERE session_id = ?", Sessions::map, id);
        if (found.isEmpty()) return found;
        Session s = found.get();
        if (tx.now() - s.lastUsedMs() > idleMillis) {
            Sql.update(tx.c(), "DELETE FROM api_session WHERE session_id = ?", id);
            return Optional.empty();
        }
        if (tx.now() - s.lastUsedMs() > TOUCH_EVERY_MS) {
            Sql.update(tx.c(), "UPDATE api_session SET last_used_ms = ? WHERE session_id = ?", tx.now(), id);
        }
        return found;
    }

    public void setCallInfo(Tx tx, String id, String ani, String dnis) throws SQLException {
        Sql.update(tx.c(), "UPDATE api_session SET ani = ?, dnis = ? WHERE session_id = ?", ani, dnis, id);
    }

    public void bindCall(Tx tx, String id, String callId, boolean monitored) throws SQLException {
        Sql.update(tx.c(), "UPDATE api_session SET call_id = ?, monitored = ? WHERE session_id = ?",
                callId, monitored, id);
    }

    /** Removes sessions idle for longer than the configured time; returns how many. */
    public int expire(Tx tx) throws SQLException {
        return Sql.update(tx.c(), "DELETE FROM api_session WHERE last_used_ms < ?", tx.now() - idleMillis);
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        // URL- and cookie-safe: letters, digits, '-' and '_' only.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Session map(ResultSet rs) throws SQLException {
        return new Session(rs.getString("session_id"), rs.getString("client"), rs.getString("local_port"),
                rs.getInt("rpc_timeout_ms"), rs.getString("ani"), rs.getString("dnis"), rs.getString("call_id"),
                Sql.boolOrNull(rs, "monitored"), rs.getLong("last_used_ms"));
    }
}
