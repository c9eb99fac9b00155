package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.Arguments;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.store.Database;

/**
 * QueryCallStatus (docs/VXML.md): answers at once unless the call is queued (1). With a Timeout, a queued
 * call's request blocks until its status changes or min(Timeout, gateway.maxWaitMillis, the RpcTimeout
 * deadline) passes (-701). The first read is made in the invocation's transaction; the wait holds no
 * connection and costs no database work: the waiter sleeps on its call's in-JVM signal, woken by this
 * node's commits, by the node's watcher of other nodes' changes, and by its call's next timer (overflow,
 * reservation end, {@link CallRow#nextTimerMs}), after which it reads the call once more in a short
 * transaction of its own. A call with a due timer is read again after the timers fired (a routing
 * transaction), so the answer is never a stale status.
 */
final class CallStatusQuery implements Handler.Continued {
    /** A waiter whose call has a timer due re-reads at least this often (a timer fired elsewhere may be late). */
    private static final long TIMER_RECHECK_MS = 50;
    /**
     * The same words for every wait that ends queued, so that its -701 document is rendered once for all
     * of them (docs/RELIABILITY.md, "Waits keep their deadline"); the script knows which call it asked about.
     */
    static final String STILL_QUEUED = "the call is still queued after the wait";

    private final CenterConfig config;
    private final Store store;
    private final Signals signals;
    private final Calls calls;
    private final Router router;

    CallStatusQuery(CenterConfig config, Store store, Signals signals, Calls calls, Router router) {
        this.config = config;
        this.store = store;
        this.signals = signals;
        this.calls = calls;
        this.router = router;
    }

    @Override
    public Run start(Arguments args) {
        int timeout = args.integer(Param.TIMEOUT);
        String callId = args.string(Param.CALL_ID);
        // A waiter registers before its first read, so that no change between that read and its wait is lost.
        Signals.Slot slot = timeout == 0 ? null : signals.register(callId);
        return new Query(timeout, callId, slot, slot == null ? 0 : slot.generation());
    }

    /** One QueryCallStatus: its first read in the invocation's transaction, then the wait, if any. */
    private final class Query implements Run {
        private final int timeout;
        private final String callId;
        private final Signals.Slot slot;
        private long seen;
        private Snapshot first;

        Query(int timeout, String callId, Signals.Slot slot, long seen) {
            this.timeout = timeout;
            this.callId = callId;
            this.slot = slot;
            this.seen = seen;
        }

        @Override
        public Result handle(Tx tx, Request r) throws SQLException {
            // The checks have just read the call in this transaction. A wait answers only once the call has
            // left the queue, when its position is 0: it never counts the calls ahead of it (at 2,000 waits
            // that count was most of the node's CPU, docs/RELIABILITY.md).
            first = snapshot(tx, r.call(), timeout == 0);
            return null;
        }

        @Override
        public Result then(Request r, Result ignored) {
            Snapshot s = first.timerDue() ? afterTimers(callId, timeout == 0) : first;
            if (timeout == 0 || !waits(s)) return answer(r, s);
            long waitMillis = Math.min(timeout, config.gateway().maxWaitMillis());
            // The Timeout counts from the request's arrival: time spent queueing for the first read is part of it.
            long end = Math.min(r.startNanos() + Signals.nanos(waitMillis), r.deadlineNanos());
            return Database.withDeadline(end, () -> waitFor(r, s, end));
        }

        private Result waitFor(Request r, Snapshot s, long end) {
            try {
                while (true) {
                    slot.observed(s.call().version());
                    if (!waits(s)) return answer(r, s);
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        throw new IvrException(ReturnCode.TIMEOUT, STILL_QUEUED);
                    }
                    Long due = s.call().nextTimerMs();
                    boolean timerFirst = false;
                    if (due != null) {
                        long untilDue = Signals.nanos(Math.max(TIMER_RECHECK_MS, due - store.clock().millis()));
                        timerFirst = untilDue < left;
                        left = Math.min(left, untilDue);
                    }
                    // The wait's end needs no last read: nothing signalled, so the call is still queued. At
                    // 2,000 waits ending together that read would make them queue for connections past their
                    // deadline (docs/RELIABILITY.md).
                    if (!slot.await(seen, left) && !timerFirst) {
                        throw new IvrException(ReturnCode.TIMEOUT, STILL_QUEUED);
                    }
                    seen = slot.generation();
                    s = read(callId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IvrException(ReturnCode.TIMEOUT, "wait interrupted");
            }
        }

        @Override
        public void close() {
            if (slot != null) signals.unregister(callId);
        }
    }

    /** A later read: a short transaction of its own, and the timers fired first when one is due. */
    private Snapshot read(String callId) {
        Snapshot s = store.transaction(tx -> snapshot(tx, callId, false));
        return s.timerDue() ? afterTimers(callId, false) : s;
    }

    /** Fires the due timers, then reads the call again, in one routing transaction. */
    private Snapshot afterTimers(String callId, boolean withPosition) {
        return store.routing(tx -> {
            router.fireTimers(tx);
            return snapshot(tx, callId, withPosition);
        });
    }

    private Snapshot snapshot(Tx tx, String callId, boolean position) throws SQLException {
        return snapshot(tx, calls.find(tx, callId)
                .orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no call " + callId)), position);
    }

    /** The call, and its place in the queue only when {@code withPosition} (else 0 while it is queued). */
    private Snapshot snapshot(Tx tx, CallRow call, boolean withPosition) throws SQLException {
        int position = withPosition || !call.isQueued() ? calls.position(tx, call) : 0;
        return new Snapshot(call, position, call.hasDueTimer(tx.now()));
    }

    /** The call is queued in a queue the configuration has: its status may still change. */
    private boolean waits(Snapshot s) {
        return s.call().status() == CallStatus.QUEUED.code() && !orphaned(s.call());
    }

    private boolean orphaned(CallRow call) {
        return config.queue(call.queue()).isEmpty();
    }

    private Result answer(Request r, Snapshot s) {
        CallRow call = s.call();
        if (call.isQueued() && orphaned(call)) {
            // Queued in a queue the configuration no longer has (changed across a restart): no agent can
            // ever take it, so the script must send it elsewhere — the guide's status 4, "error".
            return r.result(CallStatus.ERROR.code());
        }
        Result result = r.result(call.status()).with(Param.POSITION_IN_QUEUE, s.position());
        return call.extension() == null ? result : result.with(Param.EXTENSION, call.extension());
    }

    /** The call as one transaction read it, its position, and whether a timer of it was due then. */
    private record Snapshot(CallRow call, int position, boolean timerDue) {
    }
}
