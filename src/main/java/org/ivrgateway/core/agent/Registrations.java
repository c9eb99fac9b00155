package org.ivrgateway.core.agent;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * SIP registrations of devices (table device_registration, docs/TELEPHONY.md): with SIP telephony a
 * device takes calls only while a phone is registered for it. A registration ends when its time runs out
 * or the phone unregisters (expires 0).
 */
public final class Registrations {
    /** The reason an agent's view gives while its device has no registration (shown on the console). */
    public static final String NOT_REGISTERED = "phone not registered";

    public void registered(Tx tx, String device, long expiresSeconds) throws SQLException {
        Sql.update(tx.c(), "DELETE FROM device_registration WHERE device = ?", device);
        if (expiresSeconds > 0) {
            Sql.update(tx.c(), "INSERT INTO device_registration (device, expires_ms) VALUES (?, ?)", device,
                    tx.now() + expiresSeconds * 1000L);
        }
    }

    /** The agent as the console shows it: "phone not registered" while its device has no registration. */
    public static Views.Agent withPhone(Views.Agent a, Set<String> live) {
        if (a.device() == null || a.reason() != null || live.contains(a.device())) return a;
        return new Views.Agent(a.id(), a.name(), a.device(), a.status(), a.since(), a.queues(), a.callId(),
                NOT_REGISTERED);
    }

    /** The devices registered now. */
    public Set<String> live(Tx tx) throws SQLException {
        return new HashSet<>(Sql.list(tx.c(), "SELECT device FROM device_registration WHERE expires_ms > ?",
                rs -> rs.getString(1), tx.now()));
    }
}
