package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.store.Database;

/**
 * QueryCallStatus (docs/VXML.md): answers at once unless the call is queued (1). With a Timeout, a queued
 * call's request blocks until its status changes or min(Timeout, gateway.maxWaitMillis, the RpcTimeout
 * deadline) passes (-701). The wait costs no database work: the waiter sleeps on its call's in-JVM signal,
 * woken by this node's commits, by the node's watcher of other nodes' changes, and by its call's next timer
 * (overflow, reservation end), after which it reads the call once more.
 */
final class CallStatusQuery {
    /** A waiter whose call has a timer due re-reads at least this often (a timer fired elsewhere may be late). */
    private static final long TIMER_RECHECK_MS = 50;

    private final Parts parts;

    CallStatusQuery(Parts parts) {
        this.parts = parts;
    }

    Result handle(Request r) {
        String callId = r.callId();
        int timeout = r.args().integer("Timeout");
        if (timeout == 0) return answer(r, read(callId));
        long waitMillis = Math.min(timeout, parts.config().gateway().maxWaitMillis());
        // The Timeout counts from the request's arrival: time spent queueing for the first read is part of it.
        long end = Math.min(r.startNanos() + Signals.nanos(waitMillis), r.deadlineNanos());
        Signals.Slot slot = parts.signals().register(callId);
        try {
            return Database.withDeadline(end, () -> waitFor(r, callId, slot, end));
        } finally {
            parts.signals().unregister(callId);
        }
    }

    private Result waitFor(Request r, String callId, Signals.Slot slot, long end) {
        try {
            while (true) {
                long seen = slot.generation();
                Snapshot s = read(callId);
                slot.observed(s.call().version());
                if (s.call().status() != CallStatus.QUEUED.code() || orphaned(s.call())) return answer(r, s);
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IvrException(ReturnCode.TIMEOUT, "call " + callId + " still queued after the wait");
                }
                Long due = s.call().nextTimerMs();
                boolean timerFirst = false;
                if (due != null) {
                    long untilDue = Signals.nanos(Math.max(TIMER_RECHECK_MS, due - parts.store().clock().millis()));
                    timerFirst = untilDue < left;
                    left = Math.min(left, untilDue);
                }
                // The wait's end needs no last read: nothing signalled, so the call is still queued. At
                // 2,000 waits ending together that read would make them queue for connections past their
                // deadline (docs/RELIABILITY.md).
                if (!slot.await(seen, left) && !timerFirst) {
                    throw new IvrException(ReturnCode.TIMEOUT, "call " + callId + " still queued after the wait");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IvrException(ReturnCode.TIMEOUT, "wait interrupted");
        }
    }

    private Snapshot read(String callId) {
        Snapshot s = parts.store().transaction(tx -> snapshot(tx, callId));
        if (s.call().hasDueTimer(parts.store().clock().millis())) {
            parts.store().routing(tx -> {
                parts.router().fireTimers(tx);
                return null;
            });
            s = parts.store().transaction(tx -> snapshot(tx, callId));
        }
        return s;
    }

    private Snapshot snapshot(Tx tx, String callId) throws SQLException {
        CallRow call = parts.calls().find(tx, callId)
                .orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no call " + callId));
        int position = parts.calls().position(tx, call);
        return new Snapshot(call, position);
    }

    private boolean orphaned(CallRow call) {
        return parts.config().queue(call.queue()).isEmpty();
    }

    private Result answer(Request r, Snapshot s) {
        CallRow call = s.call();
        if (call.isQueued() && orphaned(call)) {
            // Queued in a queue the configuration no longer has (changed across a restart): no agent can
            // ever take it, so the script must send it elsewhere — the guide's status 4, "error".
            return r.result(CallStatus.ERROR.code());
        }
        Result result = r.result(call.status()).with("PositionInQueue", s.position());
        return call.extension() == null ? result : result.with("Extension", call.extension());
    }

    private record Snapshot(CallRow call, int position) {
    }
}
