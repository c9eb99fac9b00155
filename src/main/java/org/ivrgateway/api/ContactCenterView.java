package org.ivrgateway.api;

import java.util.List;

/** Read views of the live contact center, for the REST read endpoints and the console. */
public interface ContactCenterView {

    List<Views.Queue> queues();

    List<Views.Call> calls();

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
