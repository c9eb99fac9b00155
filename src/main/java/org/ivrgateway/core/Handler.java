package org.ivrgateway.core;

import org.ivrgateway.api.Result;

/** One function's own rules, run after the common checks of {@link Invoker}. */
@FunctionalInterface
interface Handler {
    Result handle(Request request);
}
