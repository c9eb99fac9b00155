package org.ivrgateway.core.call;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/** Operations published for the switch side (docs/ARCHITECTURE.md), kept until it acknowledges them. */
public final class SwitchEvents {
    public static final String TRANSFER = "TRANSFER";
    public static final String DISCONNECT = "DISCONNECT";
    public static final String REDIRECT = "REDIRECT";
    public static final String DISPLAY = "DISPLAY";
    public static final String ARRIVAL = "ARRIVAL";
    /** Place a call for a callback: from the agent's device ({@code detail}) to the number ({@code destination}). */
    public static final String DIAL = "DIAL";

    public void publish(Tx tx, String type, String callId, String destination, String detail) throws SQLException {
        Sql.update(tx.c(), "INSERT INTO switch_event (event_type, call_id, destination, detail, created_ms, done)"
                + " VALUES (?, ?, ?, ?, ?, FALSE)", type, callId, destination, detail, tx.now());
    }

    public List<Views.SwitchEvent> pending(Tx tx) throws SQLException {
        return Sql.list(tx.c(), "SELECT * FROM switch_event WHERE done = FALSE ORDER BY event_id",
                rs -> new Views.SwitchEvent(rs.getLong("event_id"), rs.getString("event_type"), rs.getString("call_id"),
                        rs.getString("destination"), rs.getString("detail"),
                        Instant.ofEpochMilli(rs.getLong("created_ms"))));
    }

    /** Marks one event done; false when there is no such pending event. */
    public boolean acknowledge(Tx tx, long eventId) throws SQLException {
        return Sql.update(tx.c(), "UPDATE switch_event SET done = TRUE WHERE event_id = ? AND done = FALSE", eventId) == 1;
    }

    public int purge(Tx tx, long beforeMs) throws SQLException {
        return Sql.update(tx.c(), "DELETE FROM switch_event WHERE done = TRUE AND created_ms < ?", beforeMs);
    }
}
