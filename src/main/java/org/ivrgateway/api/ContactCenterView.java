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

    /**
     * Operations waiting for the switch side, oldest first, as the console shows them; reading them is not
     * the telephony side speaking (unlike {@link Telephony#pendingEvents}).
     */
    List<Views.SwitchEvent> switchEvents();

    /** Every queue's figures of {@code day} (in the center's time zone), by 15-minute interval. */
    Views.Report<Views.QueueDay> queueReport(java.time.LocalDate day);

    /** Every agent's figures of {@code day}. */
    Views.Report<Views.AgentDay> agentReport(java.time.LocalDate day);

    /** Every callback kept, with its state and attempts, newest first. */
    List<Views.Callback> callbacks();

    /** Components and their states, as QuerySystemStatus reports them. */
    Views.SystemStatus systemStatus();
}
