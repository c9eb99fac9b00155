package org.ivrgateway.gateway;

import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;

/** What a request asks for once read: the collecting document, an invocation to run, or a -306 at once. */
sealed interface Binding {
    /** The request names no input of the function nor SessionID (param style, first fetch). */
    record Collect(IvrFunction function) implements Binding {
    }

    record Execute(Invocation invocation) implements Binding {
    }

    /** The request cannot become an invocation (unknown or repeated parameter, unreadable body…). */
    record Reject(Result result) implements Binding {
    }
}
