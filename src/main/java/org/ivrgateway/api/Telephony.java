package org.ivrgateway.api;

import java.util.List;

/**
 * The telephony side's port (CONTRACT §4.3): whatever sees the calls (a CTI connector, a PBX script, the
 * console's telephony panel, the tests) reports them here, and takes the operations that need a switch
 * (transfer, disconnect, redirect of a queue-held call, SetDisplay) from {@link #pendingEvents}.
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

    /**
     * The phone the call was handed to rang without being answered (or could not be reached): the call goes
     * back to its queue where its entry time puts it, and the agent becomes UNAVAILABLE (CONTRACT §4.4).
     * A call that is no longer ringing at an agent is left as it is; returns true when the call was requeued.
     */
    boolean noAnswer(String callId);

    /**
     * A SIP phone registered {@code device} for {@code expiresSeconds} (0: it unregistered). With SIP
     * telephony, an agent whose device has no live registration is offered no call.
     */
    void registered(String device, long expiresSeconds);

    /** The switch answered a heartbeat now: it is alive (QuerySystemStatus's TServer). */
    void heartbeat();

    /** Operations waiting for the switch side, oldest first. */
    List<Views.SwitchEvent> pendingEvents();

    /** The switch side carried out (or gave up on) this event. */
    void acknowledge(long eventId);
}
