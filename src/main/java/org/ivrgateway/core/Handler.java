package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.Result;
import org.ivrgateway.core.internal.Tx;

/**
 * One function's own rules, run by {@link Invoker} after the common checks, in the same transaction
 * (docs/ARCHITECTURE.md, "One invocation, one transaction").
 */
@FunctionalInterface
interface Handler {
    Result handle(Tx tx, Request request) throws SQLException;

    /**
     * A function whose answer is made once the invocation's transaction has committed, with no connection
     * held: QueryCallStatus's wait, QuerySystemStatus's probes. {@link #start} is called before that
     * transaction begins (a waiter registers for its call's wake-ups before its first read, so that no
     * change between that read and its wait is lost); the run is closed when the invocation ends.
     */
    interface Continued {
        Run start(org.ivrgateway.api.Arguments args);

        /** One invocation: {@link #handle} in its transaction, then {@link #then} with what it returned. */
        interface Run extends Handler, AutoCloseable {
            Result then(Request request, Result first);

            @Override
            void close();
        }
    }
}
