package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ivrgateway.api.Arguments;
import org.ivrgateway.api.InvalidArgumentException;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.session.Session;
import org.ivrgateway.core.session.Sessions;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.StoreBusyException;
import org.ivrgateway.store.StoreException;
import org.ivrgateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link IvrApi} port, the one entry of the API: checks in the order of docs/ARCHITECTURE.md — parameters (-306), session
 * (-304), QueryCallInfo done (-308), the call named by CallID (-903, also when it is not the call this
 * session's QueryCallInfo found), kind of call (-931, -310, -311),
 * the RpcTimeout deadline (-701) — then runs the function's handler in the same transaction, which takes
 * the routing lock first when the function routes ({@link Routine.Lock}), and turns every failure into a
 * return code. It never throws.
 */
final class Invoker implements IvrApi {
    private static final Logger LOG = LoggerFactory.getLogger(Invoker.class);

    private final CenterConfig config;
    private final Store store;
    private final Sessions sessions;
    private final Calls calls;
    private final Map<IvrFunction, Routine> functions = new EnumMap<>(IvrFunction.class);
    private final Supplier<Result> offlineStatus;

    Invoker(CenterConfig config, Store store, Sessions sessions, Calls calls, Map<IvrFunction, Routine> functions,
            Supplier<Result> offlineStatus) {
        this.config = config;
        this.store = store;
        this.sessions = sessions;
        this.calls = calls;
        this.functions.putAll(functions);
        this.offlineStatus = offlineStatus;
    }

    /** The functions of a call not yet admitted: refused first when the node is past its capacity (docs/RELIABILITY.md). */
    private static final java.util.Set<IvrFunction> NEW_CALL = java.util.EnumSet.of(IvrFunction.INITIALIZE,
            IvrFunction.SET_CALL_INFO, IvrFunction.QUERY_CALL_INFO);

    @Override
    public Result invoke(Invocation invocation) {
        return NEW_CALL.contains(invocation.function())
                ? Database.asNewCall(() -> admitted(invocation)) : admitted(invocation);
    }

    private Result admitted(Invocation invocation) {
        IvrFunction f = invocation.function();
        long start = invocation.arrivedNanos() == Invocation.AT_INVOKE ? System.nanoTime() : invocation.arrivedNanos();
        try {
            Arguments args = invocation.bind(config.multiTenant());
            Routine fn = functions.get(f);
            if (fn == null) {
                throw new IvrException(ReturnCode.UNKNOWN_ERROR, f.guideName() + " is not available yet");
            }
            Handler.Continued.Run run = fn.continued() == null ? null : fn.continued().start(args);
            try {
                Handler body = run != null ? run : fn.handler();
                Done done;
                try {
                    // Its connection no request waits for longer than the longest wait it could ask for.
                    long connectDeadline = start + Signals.nanos(config.gateway().maxWaitMillis());
                    Store.Work<Done> work = tx -> run(tx, fn, body, args, invocation, start);
                    done = Database.withDeadline(connectDeadline,
                            () -> fn.lock() == Routine.Lock.ROUTING ? store.routing(work) : store.transaction(work));
                } catch (StoreUnavailableException e) {
                    // The system status answers even without its database: overall status 0.
                    if (f == IvrFunction.QUERY_SYSTEM_STATUS) return offlineStatus.get();
                    throw e;
                }
                if (run == null) return done.result();
                // No unit of work after the transaction waits for a connection past the session's deadline (-701).
                return Database.withDeadline(done.request().deadlineNanos(), () -> run.then(done.request(), done.result()));
            } finally {
                if (run != null) run.close();
            }
        } catch (InvalidArgumentException e) {
            return Result.failure(f, ReturnCode.INVALID_PARAMETER, e.getMessage());
        } catch (StoreUnavailableException e) {
            LOG.warn("{}: database unreachable: {}", f.guideName(), String.valueOf(e.getCause()));
            return Result.failure(f, ReturnCode.SERVER_UNREACHABLE, e.getMessage());
        } catch (StoreException e) {
            // No connection free in time is -701 (the server may be busy); any other store failure is an incident.
            return e instanceof StoreBusyException ? Result.failure(f, ReturnCode.TIMEOUT, e.getMessage()) : incident(f, e);
        } catch (IvrException e) {
            return Result.failure(f, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return incident(f, e);
        }
    }

    /** The checked request and the handler's answer, both made in the invocation's one transaction. */
    private record Done(Request request, Result result) {
    }

    private Done run(Tx tx, Routine fn, Handler body, Arguments args, Invocation invocation, long start)
            throws SQLException {
        IvrFunction f = invocation.function();
        Request request;
        if (f.scope() == IvrFunction.Scope.NONE) {
            long deadline = start + Signals.nanos(args.integer(Param.RPC_TIMEOUT, Integer.MAX_VALUE));
            request = new Request(f, args, null, null, deadline, invocation.client(), start);
        } else {
            request = check(tx, fn.lock(), f, args, invocation, start);
            if (System.nanoTime() - request.deadlineNanos() > 0) {
                throw new IvrException(ReturnCode.TIMEOUT, "RpcTimeout passed before " + f.guideName() + " could run");
            }
        }
        return new Done(request, body.handle(tx, request));
    }

    private Request check(Tx tx, Routine.Lock lock, IvrFunction f, Arguments args, Invocation invocation, long start)
            throws SQLException {
        Session session = sessions.find(tx, invocation.sessionId()).orElseThrow(
                () -> new IvrException(ReturnCode.NOT_INITIALIZED, "no API session: call Initialize first"));
        if (f.scope() == IvrFunction.Scope.CALL && !session.callQueried()) {
            throw new IvrException(ReturnCode.CALL_INFO_NOT_QUERIED, "call QueryCallInfo first in this session");
        }
        CallRow call = null;
        boolean namesCall = f.parameter(Param.CALL_ID).map(p -> p.direction().isInput()).orElse(false);
        if (namesCall && args.has(Param.CALL_ID)) {
            String id = args.string(Param.CALL_ID);
            // A session acts only on the call its QueryCallInfo found; another session's call answers as an
            // unknown one would (docs/SECURITY.md). A function that changes the call reads it row-locked.
            Optional<CallRow> row = !id.equals(session.callId()) ? Optional.empty()
                    : lock == Routine.Lock.NONE ? calls.find(tx, id) : calls.lock(tx, id);
            call = row.filter(c -> !c.ended() || f == IvrFunction.QUERY_CALL_STATUS)
                    .orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no call " + id));
            checkKind(f, session, call);
        }
        long deadline = start + Signals.nanos(session.rpcTimeoutMillis());
        return new Request(f, args, session, call, deadline, invocation.client(), start);
    }

    /**
     * -931 (our choice) for the unmonitored-only functions when the session's QueryCallInfo and the named
     * call differ in monitoring; then -310 / -311 when the call is of the wrong kind for the function.
     */
    private static void checkKind(IvrFunction f, Session session, CallRow call) {
        boolean sessionMonitored = Boolean.TRUE.equals(session.monitored());
        if (f.callKind() == IvrFunction.CallKind.UNMONITORED_ONLY && sessionMonitored != call.monitored()) {
            throw new IvrException(ReturnCode.MONITORING_MISMATCH, "call " + call.callId() + " is "
                    + (call.monitored() ? "monitored" : "unmonitored") + " but this session's QueryCallInfo was not");
        }
        if (f.callKind() == IvrFunction.CallKind.UNMONITORED_ONLY && call.monitored()) {
            throw new IvrException(ReturnCode.UNMONITORED_ONLY, f.guideName() + " is for unmonitored calls only");
        }
        if (f.callKind() == IvrFunction.CallKind.MONITORED_ONLY && !call.monitored()) {
            throw new IvrException(ReturnCode.MONITORED_ONLY, f.guideName() + " does not support unmonitored calls");
        }
    }

    private static Result incident(IvrFunction f, Exception e) {
        return Result.failure(f, ReturnCode.UNKNOWN_ERROR, org.ivrgateway.api.Incident.log("in " + f.guideName(), e));
    }
}
