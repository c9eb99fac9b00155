package org.ivrgateway.core.transit;

import static org.ivrgateway.core.internal.Sql.list;
import static org.ivrgateway.core.internal.Sql.one;
import static org.ivrgateway.core.internal.Sql.update;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.TransitConfig;

/**
 * Hands out the configured transit numbers, one a call, for {@code expirySeconds}. The pool is the
 * configuration; the table {@code transit_hold} holds only the holds, and its primary key is what keeps
 * two nodes from handing out the same number: a losing insert rolls back to a savepoint and tries the
 * next number. Numbers are handed out least recently used first (table {@code transit_last_use}; never used
 * ones first, in configured order), so a number just released is not at once given to the next caller,
 * whose call the switch could then confuse with the previous one's.
 */
public final class TransitNumbers {
    private static final String UNIQUE_VIOLATION = "23505";

    private final TransitConfig config;

    public TransitNumbers(TransitConfig config) {
        this.config = config;
    }

    /**
     * The call's transit number: the one it already holds (its expiry restarts, as the script is about to
     * transfer), else the first free one of the pool.
     */
    public String acquire(Connection c, Instant now, String callId) throws SQLException {
        if (config.numbers().isEmpty()) {
            throw new IvrException(ReturnCode.NO_TRANSIT_NUMBERS, "no transit numbers are configured");
        }
        Optional<String> own = renew(c, callId, now);
        if (own.isPresent()) return own.get();
        update(c, "DELETE FROM transit_hold WHERE call_id = ? AND expires_at <= ?", callId, now);
        Set<String> held = heldNumbers(c, now);
        for (String number : leastRecentlyUsedFirst(c)) {
            if (held.contains(number)) continue;
            if (tryHold(c, number, callId, now)) {
                markUsed(c, number, now);
                return number;
            }
            // Lost the race for this number, or another request of the same call won: look again.
            own = renew(c, callId, now);
            if (own.isPresent()) return own.get();
        }
        throw new IvrException(ReturnCode.TRANSIT_NUMBERS_BUSY,
                "all " + config.numbers().size() + " transit numbers are held");
    }

    public void release(Connection c, Instant now, String callId) throws SQLException {
        update(c, "DELETE FROM transit_hold WHERE call_id = ? AND expires_at <= ?", callId, now);
        if (update(c, "DELETE FROM transit_hold WHERE call_id = ?", callId) == 0) {
            throw new IvrException(ReturnCode.NO_TRANSIT_NUMBER_HELD, "call " + callId + " holds no transit number");
        }
    }

    /** Frees the call's number, if any: the call was cleared or the caller hung up. */
    public void releaseIfHeld(Connection c, String callId) throws SQLException {
        update(c, "DELETE FROM transit_hold WHERE call_id = ?", callId);
    }

    /** The call arrived at {@code dialed}: a held, unexpired number is freed and its call returned. */
    public Optional<String> arrive(Connection c, Instant now, String dialed) throws SQLException {
        Optional<String> callId = one(c,
                "SELECT call_id FROM transit_hold WHERE transit_number = ? AND expires_at > ? FOR UPDATE",
                rs -> rs.getString(1), dialed, now);
        if (callId.isPresent()) update(c, "DELETE FROM transit_hold WHERE transit_number = ?", dialed);
        return callId;
    }

    /** The sweeper: frees every number held past its expiry; returns how many. */
    public int expire(Connection c, Instant now) throws SQLException {
        return update(c, "DELETE FROM transit_hold WHERE expires_at <= ?", now);
    }

    private Optional<String> renew(Connection c, String callId, Instant now) throws SQLException {
        Optional<String> number = one(c,
                "SELECT transit_number FROM transit_hold WHERE call_id = ? AND expires_at > ? FOR UPDATE",
                rs -> rs.getString(1), callId, now);
        if (number.isPresent() && !config.numbers().contains(number.get())) {
            // Held before the number left the configuration: free it and hand out a configured one.
            update(c, "DELETE FROM transit_hold WHERE call_id = ?", callId);
            return Optional.empty();
        }
        if (number.isPresent()) {
            update(c, "UPDATE transit_hold SET expires_at = ? WHERE call_id = ?", expiry(now), callId);
        }
        return number;
    }

    /** The configured numbers, those handed out longest ago first; never used ones before all, in configured order. */
    private List<String> leastRecentlyUsedFirst(Connection c) throws SQLException {
        Map<String, Long> last = new HashMap<>();
        list(c, "SELECT transit_number, last_ms FROM transit_last_use",
                rs -> last.put(rs.getString(1), rs.getLong(2)));
        List<String> order = new ArrayList<>(config.numbers());
        order.sort(Comparator.comparingLong(n -> last.getOrDefault(n, Long.MIN_VALUE)));
        return order;
    }

    private void markUsed(Connection c, String number, Instant now) throws SQLException {
        if (update(c, "UPDATE transit_last_use SET last_ms = ? WHERE transit_number = ?", now.toEpochMilli(), number) > 0) {
            return;
        }
        // First use of this number: the hold's primary key already keeps other nodes from inserting it now.
        update(c, "INSERT INTO transit_last_use (transit_number, last_ms) VALUES (?, ?)", number, now.toEpochMilli());
    }

    private Set<String> heldNumbers(Connection c, Instant now) throws SQLException {
        return new HashSet<>(list(c, "SELECT transit_number FROM transit_hold WHERE expires_at > ?",
                rs -> rs.getString(1), now));
    }

    private boolean tryHold(Connection c, String number, String callId, Instant now) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            update(c, "DELETE FROM transit_hold WHERE transit_number = ? AND expires_at <= ?", number, now);
            update(c, "INSERT INTO transit_hold (transit_number, call_id, acquired_at, expires_at) VALUES (?, ?, ?, ?)",
                    number, callId, now, expiry(now));
            c.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
            c.rollback(savepoint);
            return false;
        }
    }

    private Instant expiry(Instant now) {
        return now.plus(Duration.ofSeconds(config.expirySeconds()));
    }
}
