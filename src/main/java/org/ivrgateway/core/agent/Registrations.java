package org.ivrgateway.core.agent;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * SIP registrations of devices (table device_registration, docs/TELEPHONY.md): with SIP telephony a
 * device takes calls only while a phone is registered for it. A registration ends when its time runs out
 * or the phone unregisters (expires 0).
 */
public final class Registrations {

    public void registered(Tx tx, String device, long expiresSeconds) throws SQLException {
        Sql.update(tx.c(), "DELETE FROM device_registration WHERE device = ?", device);
        if (expiresSeconds > 0) {
            Sql.update(tx.c(), "INSERT INTO device_registration (device, expires_ms) VALUES (?, ?)", device,
                    tx.now() + expiresSeconds * 1000L);
        }
    }

    /** The devices registered now. */
    public Set<String> live(Tx tx) throws SQLException {
        return new HashSet<>(Sql.list(tx.c(), "SELECT device FROM device_registration WHERE expires_ms > ?",
                rs -> rs.getString(1), tx.now()));
    }
}
