package org.ivrgateway.api;

import java.util.List;

/**
 * The telephony side's port (CONTRACT §4.3): whatever sees the calls (a CTI connector, a PBX script, the
 * console's telephony panel, the tests) reports them here, and takes the operations that need a switch
 * (transfer, disconnect, redirect of a queue-held call, SetDisplay) from {@link #pendingEvents}. Every
 * call here is the telephony side speaking (QuerySystemStatus's T-Server state); the console reads the
 * same events through {@link ContactCenterView#switchEvents}, which is not.
 * Failures are {@link IvrException}s: -909 unknown device, -903 unknown call, -306 bad input.
 */
public interface Telephony {

    /** A call offered at a monitored IVR device; returns its CallID. */
    String offer(String device, String ani, String dnis);

    /** The call was answered where it was sent (at an agent's device: the agent is now talking). */
    void answered(String callId);

    /** The call ended, wherever it was. */
    void cleared(String callId);

    /**
     * A call arrived at a dialed number: a transit number (the unmonitored call holding it continues there)
     * or a queue's ACD pilot. Returns the CallID it matched, or null when none.
     */
    String arrived(String dialed);

    /** Operations waiting for the switch side, oldest first. */
    List<Views.SwitchEvent> pendingEvents();

    /** The switch side carried out (or gave up on) this event. */
    void acknowledge(long eventId);

    /**
     * The telephony side is alive, with nothing else to report (a connector calls it at least every
     * {@code telephony.heartbeatSeconds}); like every other operation here, it keeps QuerySystemStatus's
     * T-Server state at 8 when a heartbeat is configured.
     */
    void heartbeat();
}
