package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.ivrgateway.api.Arguments;
import org.ivrgateway.api.InvalidArgumentException;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.session.Session;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.StoreBusyException;
import org.ivrgateway.store.StoreException;
import org.ivrgateway.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry of the API: checks in the order of docs/ARCHITECTURE.md — parameters (-306), session
 * (-304), QueryCallInfo done (-308), the call named by CallID (-903, also when it is not the call this
 * session's QueryCallInfo found), kind of call (-931, -310, -311),
 * the RpcTimeout deadline (-701) — then runs the function's handler, and turns every failure into a
 * return code. It never throws.
 */
final class Invoker {
    private static final Logger LOG = LoggerFactory.getLogger(Invoker.class);

    private final Parts parts;
    private final Map<IvrFunction, Handler> handlers = new EnumMap<>(IvrFunction.class);
    private final Handler offlineStatus;

    Invoker(Parts parts, Map<IvrFunction, Handler> handlers, Handler offlineStatus) {
        this.parts = parts;
        this.handlers.putAll(handlers);
        this.offlineStatus = offlineStatus;
    }

    Result invoke(Invocation invocation) {
        IvrFunction f = invocation.function();
        long start = System.nanoTime();
        try {
            Arguments args = invocation.bind(parts.config().multiTenant());
            Handler handler = handlers.get(f);
            if (handler == null) {
                throw new IvrException(ReturnCode.UNKNOWN_ERROR, f.guideName() + " is not available yet");
            }
            if (f.scope() == IvrFunction.Scope.NONE) {
                long deadline = start + Signals.nanos(args.integer("RpcTimeout", Integer.MAX_VALUE));
                return handler.handle(new Request(f, args, null, null, deadline, invocation.client(), start));
            }
            Request request;
            try {
                // Its first connection no request waits for longer than the longest wait it could ask for.
                long checkDeadline = start + Signals.nanos(parts.config().gateway().maxWaitMillis());
                request = Database.withDeadline(checkDeadline,
                        () -> parts.store().transaction(tx -> check(tx, f, args, invocation, start)));
            } catch (StoreUnavailableException e) {
                // The system status answers even without its database: overall status 0.
                if (f == IvrFunction.QUERY_SYSTEM_STATUS) return offlineStatus.handle(null);
                throw e;
            }
            if (System.nanoTime() - request.deadlineNanos() > 0) {
                throw new IvrException(ReturnCode.TIMEOUT, "RpcTimeout passed before " + f.guideName() + " could run");
            }
            // No unit of work of the function waits for a connection past the session's deadline (-701).
            return Database.withDeadline(request.deadlineNanos(), () -> handler.handle(request));
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

    private Request check(Tx tx, IvrFunction f, Arguments args, Invocation invocation, long start) throws SQLException {
        Session session = parts.sessions().find(tx, invocation.sessionId()).orElseThrow(
                () -> new IvrException(ReturnCode.NOT_INITIALIZED, "no API session: call Initialize first"));
        if (f.scope() == IvrFunction.Scope.CALL && !session.callQueried()) {
            throw new IvrException(ReturnCode.CALL_INFO_NOT_QUERIED, "call QueryCallInfo first in this session");
        }
        CallRow call = null;
        boolean namesCall = f.parameter("CallID").map(p -> p.direction().isInput()).orElse(false);
        if (namesCall && args.has("CallID")) {
            String id = args.string("CallID");
            // A session acts only on the call its QueryCallInfo found; another session's call answers as an
            // unknown one would (docs/SECURITY.md).
            call = parts.calls().find(tx, id)
                    .filter(c -> !c.ended() || f == IvrFunction.QUERY_CALL_STATUS)
                    .filter(c -> c.callId().equals(session.callId()))
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
