package org.ivrgateway.core;

import org.ivrgateway.api.Arguments;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.session.Session;

/**
 * One checked invocation, ready for its handler: the typed arguments, the session (null for Initialize),
 * the call named by CallID (null when the function names none), the deadline (System.nanoTime) set by the
 * session's RpcTimeout, the caller's address, and when the invocation arrived (System.nanoTime), from which
 * a QueryCallStatus counts its Timeout.
 */
record Request(IvrFunction function, Arguments args, Session session, CallRow call, long deadlineNanos,
               String client, long startNanos) {

    String callId() {
        return call == null ? null : call.callId();
    }

    Result success() {
        return Result.success(function);
    }

    Result result(int code) {
        return Result.of(function, code);
    }
}
