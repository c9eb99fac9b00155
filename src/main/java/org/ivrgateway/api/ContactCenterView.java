package org.ivrgateway.api;

import java.util.List;

/** Read views of the live contact center, for the REST read endpoints and the console. */
public interface ContactCenterView {

    List<Views.Queue> queues();

    List<Views.Call> calls();

    List<Views.Agent> agents();

    /** Every callback kept, with its state and attempts, newest first. */
    List<Views.Callback> callbacks();

    /** Components and their states, as QuerySystemStatus reports them. */
    Views.SystemStatus systemStatus();
}
