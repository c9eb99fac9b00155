package org.ivrgateway.core;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.core.callback.CallbackStates;
import org.ivrgateway.core.callback.Schedule;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Placement;
import org.ivrgateway.core.queue.Visits;

/**
 * Callbacks carried out (docs/CALLBACKS.md). When one of its schedules opens in business hours, a callback
 * becomes a call waiting in its callback queue — in the same order as calls, offered by the router to an
 * agent who serves that queue, subject to ring-no-answer. The agent accepts it; the telephony side is asked
 * to place the call (a DIAL operation) and reports the outcome. All of it runs in routing transactions.
 */
final class CallbackWork {
    /** A dialled callback whose outcome never comes is closed as failed after this long. */
    static final long DIAL_TIMEOUT_MS = 5 * 60_000L;
    /** The priority of a callback's call in its queue: the lowest, so it never cuts ahead of waiting callers. */
    static final int PRIORITY = 1;

    private final Parts parts;
    private final CallbackStates states;

    CallbackWork(Parts parts) {
        this.parts = parts;
        this.states = new CallbackStates(parts.config().callbacks());
    }

    /** The sweeper's part: expire, queue the callbacks that are due, take back those out of their window. */
    void release(Tx tx) throws SQLException {
        Instant now = Instant.ofEpochMilli(tx.now());
        for (CallbackStates.Open cb : states.actionable(tx.c(), now)) {
            switch (cb.status()) {
                case CallbackStates.PENDING -> {
                    if (cb.allPassed(now)) {
                        states.expire(tx.c(), cb.callbackId(), tx.now());
                    } else {
                        Optional<Schedule> due = states.dueNow(cb, now);
                        if (due.isPresent()) queue(tx, cb, due.get());
                    }
                }
                case CallbackStates.QUEUED -> {
                    Optional<CallRow> row = row(tx, cb);
                    if (row.isEmpty()) {
                        states.unqueued(tx.c(), cb, now);
                    } else if (row.get().isQueued() && states.outOfWindow(cb, now)) {
                        parts.router().ended(tx, row.get(), Visits.DEQUEUED);
                        states.unqueued(tx.c(), cb, now);
                    }
                }
                case CallbackStates.DIALING -> {
                    boolean gone = row(tx, cb).isEmpty();
                    boolean late = cb.sinceMs() != null && tx.now() - cb.sinceMs() > DIAL_TIMEOUT_MS;
                    if (gone || late) finish(tx, cb, "failed");
                }
                default -> { }
            }
        }
    }

    Views.Callback accept(String callbackId, String agentId) {
        return parts.store().routing(tx -> {
            CallbackStates.Open cb = open(tx, callbackId);
            CallRow row = row(tx, cb).filter(CallRow::isRinging).filter(r -> CallbackStates.QUEUED.equals(cb.status()))
                    .orElseThrow(() -> new IvrException(ReturnCode.OPERATION_FAILED,
                            "callback " + callbackId + " is not offered to an agent now"));
            if (agentId != null && !agentId.equals(row.agentId())) {
                throw new IvrException(ReturnCode.OPERATION_FAILED,
                        "callback " + callbackId + " is offered to another agent");
            }
            parts.router().answered(tx, row);
            states.dialing(tx.c(), cb, row.ani(), row.agentId(), tx.now());
            parts.events().publish(tx, SwitchEvents.DIAL, row.callId(), row.ani(), dialDetail(callbackId, row.extension()));
            return states.view(tx.c(), callbackId).orElseThrow();
        });
    }

    Views.Callback outcome(String callbackId, String outcome) {
        String o = outcome == null ? "" : outcome.strip().toLowerCase(java.util.Locale.ROOT);
        if (!CallbackStates.OUTCOMES.contains(o)) {
            throw new IvrException(ReturnCode.INVALID_PARAMETER,
                    "outcome must be one of " + String.join(", ", CallbackStates.OUTCOMES) + ", was '" + outcome + "'");
        }
        return parts.store().routing(tx -> {
            CallbackStates.Open cb = open(tx, callbackId);
            if (!CallbackStates.DIALING.equals(cb.status())) {
                throw new IvrException(ReturnCode.OPERATION_FAILED, "callback " + callbackId + " is not being dialled");
            }
            finish(tx, cb, o);
            return states.view(tx.c(), callbackId).orElseThrow();
        });
    }

    /** DeleteCallback: a pending or queued callback is cancelled; the call standing for it ends. */
    void cancel(Tx tx, String callbackId) throws SQLException {
        Optional<String> rowId = states.cancel(tx.c(), callbackId, tx.now());
        if (rowId.isPresent()) {
            Optional<CallRow> row = parts.calls().lock(tx, rowId.get()).filter(r -> !r.ended());
            if (row.isPresent()) parts.router().ended(tx, row.get(), Visits.DEQUEUED);
        }
    }

    /** A DIAL operation's detail: {@code callback=<CallbackID>;from=<agent's device>}. */
    static String dialDetail(String callbackId, String agentDevice) {
        return "callback=" + callbackId + ";from=" + agentDevice;
    }

    List<Views.Callback> views() {
        return parts.store().transaction(tx -> states.views(tx.c()));
    }

    private void queue(Tx tx, CallbackStates.Open cb, Schedule schedule) throws SQLException {
        CallRow row = parts.calls().create(tx, false, null, schedule.phone(), "", null);
        parts.calls().linkCallback(tx, row.callId(), cb.callbackId());
        QueueConfig queue = new QueueConfig(cb.queue(), cb.businessUnit(), null, null, null);
        states.queued(tx.c(), cb.callbackId(), row.callId(), tx.now());
        parts.router().enqueue(tx, parts.calls().find(tx, row.callId()).orElseThrow(), new Placement(queue, PRIORITY,
                cb.contactName().isEmpty() ? cb.description() : cb.contactName(), true, null, 0, schedule.phone(), ""));
    }

    /** The attempt ended: recorded; unless answered, the call standing for it ends and the agent is free. */
    private void finish(Tx tx, CallbackStates.Open cb, String outcome) throws SQLException {
        states.ended(tx.c(), cb, outcome, Instant.ofEpochMilli(tx.now()));
        if ("answered".equals(outcome)) return;
        Optional<CallRow> row = row(tx, cb);
        if (row.isPresent()) parts.router().ended(tx, row.get(), Visits.DEQUEUED);
    }

    private CallbackStates.Open open(Tx tx, String callbackId) throws SQLException {
        return states.find(tx.c(), callbackId).orElseThrow(
                () -> new IvrException(ReturnCode.INVALID_CALLBACK_ID, "no open callback " + callbackId));
    }

    private Optional<CallRow> row(Tx tx, CallbackStates.Open cb) throws SQLException {
        if (cb.callRowId() == null) return Optional.empty();
        return parts.calls().lock(tx, cb.callRowId()).filter(r -> !r.ended());
    }
}
