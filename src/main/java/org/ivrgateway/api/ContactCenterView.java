package org.ivrgateway.api;

import java.util.List;
import java.util.Optional;

/** Read views of the live contact center, for the REST read endpoints and the console. */
public interface ContactCenterView {

    List<Views.Queue> queues();

    /** The longest list of calls one read gives (REST pages, the console): see docs/RELIABILITY.md. */
    int MAX_CALLS = 500;

    /** The first {@link #MAX_CALLS} live calls, in order of arrival. */
    default List<Views.Call> calls() {
        return calls(0, MAX_CALLS);
    }

    /** Live calls in order of arrival (then CallID): at most {@code limit} (capped at {@link #MAX_CALLS}) from {@code offset}. */
    List<Views.Call> calls(int offset, int limit);

    /** How many calls are live now. */
    int liveCallCount();

    /** One live call. */
    Optional<Views.Call> call(String callId);

    List<Views.Agent> agents();

    /** Every callback kept, with its state and attempts, newest first. */
    List<Views.Callback> callbacks();

    /** Components and their states, as QuerySystemStatus reports them. */
    Views.SystemStatus systemStatus();
}
