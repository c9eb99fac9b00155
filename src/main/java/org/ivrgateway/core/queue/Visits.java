package org.ivrgateway.core.queue;

import java.sql.SQLException;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/** The measured history of queue stays (table queue_visit), the source of every statistic. */
public final class Visits {
    public static final String ANSWERED = "ANSWERED";
    public static final String OVERFLOW = "OVERFLOW";
    public static final String DEQUEUED = "DEQUEUED";
    public static final String ABANDONED = "ABANDONED";
    public static final String REQUEUED = "REQUEUED";

    public void open(Tx tx, String callId, String queue, String ani, String dnis) throws SQLException {
        Sql.update(tx.c(), "INSERT INTO queue_visit (call_id, queue_name, ani, dnis, entered_ms) VALUES (?, ?, ?, ?, ?)",
                callId, queue, ani, dnis, tx.now());
    }

    /** Ends the call's open stay with {@code outcome} (and the agent who took it, when answered). */
    public void close(Tx tx, String callId, String outcome, String agentId) throws SQLException {
        Sql.update(tx.c(), "UPDATE queue_visit SET left_ms = ?, outcome = ?, agent_id = ?"
                + " WHERE call_id = ? AND left_ms IS NULL", tx.now(), outcome, agentId, callId);
    }

    /** The agent finished handling the call: its handling time ends now. */
    public void handled(Tx tx, String callId) throws SQLException {
        Sql.update(tx.c(), "UPDATE queue_visit SET handled_until_ms = ? WHERE call_id = ? AND outcome = ?"
                + " AND handled_until_ms IS NULL", tx.now(), callId, ANSWERED);
    }

    /** An answered stay whose agent never took the call (dequeued or re-queued before it got there). */
    public void unanswer(Tx tx, String callId, String outcome) throws SQLException {
        Sql.update(tx.c(), "UPDATE queue_visit SET outcome = ? WHERE call_id = ? AND outcome = ?"
                + " AND handled_until_ms IS NULL", outcome, callId, ANSWERED);
    }

    /**
     * The agent the call was handed to did not answer (or left): the stay that ended "answered" goes on, from
     * the moment the call first entered the queue, as if it had never been handed out.
     */
    public void reopen(Tx tx, String callId) throws SQLException {
        Sql.update(tx.c(), "UPDATE queue_visit SET left_ms = NULL, outcome = NULL, agent_id = NULL"
                + " WHERE call_id = ? AND outcome = ? AND handled_until_ms IS NULL", callId, ANSWERED);
    }

    public int purge(Tx tx, long beforeMs) throws SQLException {
        return Sql.update(tx.c(), "DELETE FROM queue_visit WHERE left_ms < ?", beforeMs);
    }
}
