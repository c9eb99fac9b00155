package org.ivrgateway.core.call;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/** Key/value contact data attached to a call (SetContactData, GetContactData). */
public final class ContactData {
    /** The most keys one call holds (docs/RELIABILITY.md). */
    public static final int MAX_KEYS = 100;
    /** The most bytes (UTF-8) of keys and values one call holds (docs/RELIABILITY.md). */
    public static final int MAX_BYTES = 16 * 1024;

    /** UTF-8 bytes of every key and value. */
    public static long bytes(Map<String, String> data) {
        long n = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            n += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    public void put(Tx tx, String callId, String key, String value) throws SQLException {
        int updated = Sql.update(tx.c(), "UPDATE contact_data SET data_value = ? WHERE call_id = ? AND data_key = ?",
                value, callId, key);
        if (updated == 0) {
            Sql.update(tx.c(), "INSERT INTO contact_data (call_id, data_key, data_value) VALUES (?, ?, ?)",
                    callId, key, value);
        }
    }

    public Optional<String> get(Tx tx, String callId, String key) throws SQLException {
        return Sql.one(tx.c(), "SELECT data_value FROM contact_data WHERE call_id = ? AND data_key = ?",
                rs -> rs.getString(1), callId, key);
    }

    public Map<String, String> all(Tx tx, String callId) throws SQLException {
        Map<String, String> map = new LinkedHashMap<>();
        Sql.list(tx.c(), "SELECT data_key, data_value FROM contact_data WHERE call_id = ? ORDER BY data_key",
                rs -> map.put(rs.getString(1), rs.getString(2)), callId);
        return map;
    }
}
