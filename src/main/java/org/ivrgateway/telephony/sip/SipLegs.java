package org.ivrgateway.telephony.sip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.store.Database;

/**
 * The SIP legs of contact-center calls (table sip_leg, db/migration/V9): the SIP Call-ID, the CallID of
 * the core, the INVITE transaction Kamailio suspended for it and its dialog. A state change is a guarded
 * update, so when several gateway nodes watch the same events only one of them relays or ends a leg.
 */
final class SipLegs {
    /**
     * A leg offered at an IVR device; a leg that arrived at a transit number or a queue's pilot; a callback's
     * first call, ringing the agent's phone (and the marker {@code dial-<event id>} of a DIAL operation sent to
     * Kamailio); the call from the agent's phone to the callback's number.
     */
    enum Kind { IVR, HELD, BRIDGE, CALLBACK }

    /**
     * HOLDING: Kamailio was told to hold it; HELD: it holds it (suspended); RELAYED; ANSWERED (200 OK);
     * CONFIRMED (the caller's ACK passed: only now can Kamailio end the dialog); REFERRED (a TRANSFER sent the
     * caller's phone a REFER; the leg ends once its new call is here); ENDED.
     */
    enum State { HOLDING, HELD, RELAYED, ANSWERED, CONFIRMED, REFERRED, ENDED }

    record Leg(String sipCallId, String callId, Kind kind, State state, Long tIndex, Long tLabel, Long hEntry,
               Long hId, long createdMs) {
    }

    private final Database db;
    private final Clock clock;

    SipLegs(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void insert(String sipCallId, String callId, Kind kind, State state, long tIndex, long tLabel) {
        long now = clock.millis();
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM sip_leg WHERE sip_call_id = ?", sipCallId);
            return Sql.update(c, "INSERT INTO sip_leg (sip_call_id, call_id, kind, state, t_index, t_label,"
                            + " created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sipCallId, callId,
                    kind.name(), state.name(), tIndex, tLabel, now, now);
        });
    }

    /** Inserts the leg unless one with that SIP Call-ID exists; true when this call inserted it. */
    boolean insertNew(String sipCallId, String callId, Kind kind, State state) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM sip_leg WHERE sip_call_id = ?", sipCallId) > 0) return false;
            Sql.update(c, "INSERT INTO sip_leg (sip_call_id, call_id, kind, state, created_ms, updated_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", sipCallId, callId, kind.name(), state.name(), now, now);
            return true;
        });
    }

    Optional<Leg> find(String sipCallId) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM sip_leg WHERE sip_call_id = ?", SipLegs::map, sipCallId))
                .stream().findFirst();
    }

    /** The legs of one contact-center call, oldest first. */
    List<Leg> ofCall(String callId) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM sip_leg WHERE call_id = ? ORDER BY created_ms, sip_call_id",
                SipLegs::map, callId));
    }

    /** Kamailio holds the leg's transaction (again) under this index and label. */
    void held(String sipCallId, long tIndex, long tLabel) {
        db.inTransaction(c -> Sql.update(c, "UPDATE sip_leg SET state = ?, t_index = ?, t_label = ?, updated_ms = ?"
                        + " WHERE sip_call_id = ? AND state <> ?", State.HELD.name(), tIndex, tLabel, clock.millis(),
                sipCallId, State.ENDED.name()));
    }

    /** The leg's dialog started (200 OK); a leg whose ACK was seen first stays CONFIRMED. */
    void answered(String sipCallId, long hEntry, long hId) {
        db.inTransaction(c -> Sql.update(c, "UPDATE sip_leg SET state = CASE WHEN state = ? THEN state ELSE ? END,"
                        + " h_entry = ?, h_id = ?, updated_ms = ? WHERE sip_call_id = ? AND state <> ?",
                State.CONFIRMED.name(), State.ANSWERED.name(), hEntry, hId, clock.millis(), sipCallId,
                State.ENDED.name()));
    }

    /** The caller's ACK passed Kamailio: the dialog is confirmed. */
    void confirmed(String sipCallId) {
        db.inTransaction(c -> Sql.update(c, "UPDATE sip_leg SET state = ?, updated_ms = ? WHERE sip_call_id = ?"
                + " AND state IN (?, ?)", State.CONFIRMED.name(), clock.millis(), sipCallId, State.RELAYED.name(),
                State.ANSWERED.name()));
    }

    /** Moves the leg from {@code from} to {@code to}; true for the one caller that made the change. */
    boolean claim(String sipCallId, State from, State to) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE sip_leg SET state = ?, updated_ms = ? WHERE sip_call_id = ?"
                + " AND state = ?", to.name(), clock.millis(), sipCallId, from.name())) == 1;
    }

    /** Ends the leg; true when it was not ended already. */
    boolean ended(String sipCallId) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE sip_leg SET state = ?, updated_ms = ? WHERE sip_call_id = ?"
                + " AND state <> ?", State.ENDED.name(), clock.millis(), sipCallId, State.ENDED.name())) == 1;
    }

    /** Forgets legs ended before {@code beforeMs}. */
    int purge(long beforeMs) {
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM sip_leg WHERE state = ? AND updated_ms < ?",
                State.ENDED.name(), beforeMs));
    }

    private static Leg map(ResultSet rs) throws SQLException {
        return new Leg(rs.getString("sip_call_id"), rs.getString("call_id"), Kind.valueOf(rs.getString("kind")),
                State.valueOf(rs.getString("state")), Sql.longOrNull(rs, "t_index"), Sql.longOrNull(rs, "t_label"),
                Sql.longOrNull(rs, "h_entry"), Sql.longOrNull(rs, "h_id"), rs.getLong("created_ms"));
    }
}
