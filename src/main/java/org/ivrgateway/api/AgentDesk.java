package org.ivrgateway.api;

/**
 * What agents do (docs/ARCHITECTURE.md, README.md): log on at a device, change state, log off. Failures are
 * {@link IvrException}s with the closest return code: -904 unknown agent, -909 unknown device,
 * -914 a state change that is not allowed now (device in use, not logged on, busy on a call).
 */
public interface AgentDesk {

    Views.Agent login(String agentId, String device);

    /** {@code requested} is AVAILABLE, UNAVAILABLE or WORK (wrap-up); AVAILABLE from WORK ends wrap-up. */
    Views.Agent changeState(String agentId, AgentStatus requested);

    Views.Agent logout(String agentId);

    Views.Agent agent(String agentId);

    /**
     * The agent a callback is offered to accepts it: the telephony side is asked to place the call (a DIAL
     * switch operation). -1021 unknown callback, -914 when it is not offered to {@code agentId} now.
     */
    Views.Callback acceptCallback(String callbackId, String agentId);
}
