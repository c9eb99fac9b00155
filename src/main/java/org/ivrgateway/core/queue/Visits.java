package org.ivrgateway.core.queue;

import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Tx;

/**
 * The measured history of queue stays (table queue_visit), the source of every statistic and report. Every
 * change of a stay also moves the running sums of {@link QueueSums}, in the same transaction: the stays a
 * change touches are read (row-locked) first, written by their ids, and handed to the sums before and after.
 */
public final class Visits {
    public static final String ANSWERED = "ANSWERED";
    public static final String OVERFLOW = "OVERFLOW";
    public static final String DEQUEUED = "DEQUEUED";
    public static final String ABANDONED = "ABANDONED";
    public static final String REQUEUED = "REQUEUED";

    private final QueueSums sums;

    public Visits(CenterConfig config) {
        this.sums = new QueueSums(config);
    }

    public void open(Tx tx, String callId, String queue, String ani, String dnis) throws SQLException {
        Sql.update(tx.c(), "INSERT INTO queue_visit (call_id, queue_name, ani, dnis, entered_ms) VALUES (?, ?, ?, ?, ?)",
                callId, queue, ani, dnis, tx.now());
        sums.changed(tx, List.of(), List.of(new QueueSums.Stay(0, queue, tx.now(), null, null, null, null)));
    }

    /** Ends the call's open stay with {@code outcome} (and the agent who took it, when answered). */
    public void close(Tx tx, String callId, String outcome, String agentId) throws SQLException {
        change(tx, "call_id = ? AND left_ms IS NULL", new Object[] {callId}, s -> s.leaving(tx.now(), outcome, agentId),
                "left_ms = ?, outcome = ?, agent_id = ?", tx.now(), outcome, agentId);
    }

    /** The agent finished handling the call: its handling time ends now. */
    public void handled(Tx tx, String callId) throws SQLException {
        change(tx, "call_id = ? AND outcome = ? AND handled_until_ms IS NULL", new Object[] {callId, ANSWERED},
                s -> s.handledAt(tx.now()), "handled_until_ms = ?", tx.now());
    }

    /** An answered stay whose agent never took the call (dequeued or re-queued before it got there). */
    public void unanswer(Tx tx, String callId, String outcome) throws SQLException {
        change(tx, "call_id = ? AND outcome = ? AND handled_until_ms IS NULL", new Object[] {callId, ANSWERED},
                s -> s.withOutcome(outcome), "outcome = ?", outcome);
    }

    /**
     * The agent the call was handed to did not answer (or left): the stay that ended "answered" goes on, from
     * the moment the call first entered the queue, as if it had never been handed out.
     */
    public void reopen(Tx tx, String callId) throws SQLException {
        change(tx, "call_id = ? AND outcome = ? AND handled_until_ms IS NULL", new Object[] {callId, ANSWERED},
                QueueSums.Stay::reopened, "left_ms = NULL, outcome = NULL, agent_id = NULL");
    }

    public int purge(Tx tx, long beforeMs) throws SQLException {
        sums.purge(tx, beforeMs);
        return Sql.update(tx.c(), "DELETE FROM queue_visit WHERE left_ms < ?", beforeMs);
    }

    /** The stays matching {@code where} become {@code how}: written with {@code set}, and summed. */
    private void change(Tx tx, String where, Object[] whereParams, UnaryOperator<QueueSums.Stay> how, String set,
                        Object... setParams) throws SQLException {
        List<QueueSums.Stay> before = Sql.list(tx.c(), "SELECT " + QueueSums.STAY_COLUMNS + " FROM queue_visit WHERE "
                + where + " FOR UPDATE", QueueSums::stay, whereParams);
        if (before.isEmpty()) return;
        Object[] params = new Object[setParams.length + 1];
        System.arraycopy(setParams, 0, params, 0, setParams.length);
        for (QueueSums.Stay s : before) {
            params[setParams.length] = s.visitId();
            Sql.update(tx.c(), "UPDATE queue_visit SET " + set + " WHERE visit_id = ?", params);
        }
        sums.changed(tx, before, before.stream().map(how).toList());
    }
}
