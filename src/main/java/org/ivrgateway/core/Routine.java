package org.ivrgateway.core;

/**
 * How {@link Invoker} runs one IVR function: what its transaction locks before the checks read the call,
 * and its handler — a {@link Handler} run in that transaction, or a {@link Handler.Continued} whose answer is
 * made after it committed.
 */
record Routine(Lock lock, Handler handler, Handler.Continued continued) {

    /** What the invocation's transaction locks. */
    enum Lock {
        /** Nothing: the checks read the session and the call as they are. */
        NONE,
        /** The call named by CallID, row-locked when the checks read it (the function changes it). */
        CALL,
        /** The routing lock first, then the call row: the function matches calls to agents. */
        ROUTING
    }

    static Routine of(Handler h) {
        return new Routine(Lock.NONE, h, null);
    }

    static Routine changesCall(Handler h) {
        return new Routine(Lock.CALL, h, null);
    }

    static Routine routes(Handler h) {
        return new Routine(Lock.ROUTING, h, null);
    }

    static Routine continued(Handler.Continued c) {
        return new Routine(Lock.NONE, null, c);
    }
}
