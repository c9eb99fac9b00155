package org.ivrgateway.core.call;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/** Key/value contact data attached to a call (SetContactData, GetContactData). */
public final class ContactData {

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
