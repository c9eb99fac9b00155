package org.ivrgateway.api;

import java.util.List;

/**
 * The telephony side's port (docs/ARCHITECTURE.md): whatever sees the calls (a CTI connector, a PBX script, the
 * console's telephony panel, the tests) reports them here, and takes the operations that need a switch
 * (transfer, disconnect, redirect of a queue-held call, SetDisplay) from {@link #pendingEvents}. Every
 * call here is the telephony side speaking (QuerySystemStatus's T-Server state); the console reads the
 * same events through {@link ContactCenterView#switchEvents}, which is not.
 * Failures are {@link IvrException}s: -909 unknown device, -903 unknown call, -306 bad input.
 */
public interface Telephony {

    /**
     * A call offered at a monitored IVR device; returns its CallID. {@code switchCallId} is the switch's own
     * identity of the call (SIP Call-ID, a PBX's unique id), or null: a live call with that identity is that
     * call coming back to the IVR; any other offer is a new call.
     */
    String offer(String device, String ani, String dnis, String switchCallId);

    /** A call offered with no identity from the switch: always a new call. */
    default String offer(String device, String ani, String dnis) {
        return offer(device, ani, dnis, null);
    }

    /** The call was answered where it was sent (at an agent's device: the agent is now talking). */
    void answered(String callId);

    /** The call ended, wherever it was. */
    void cleared(String callId);

    /**
     * A call arrived at a dialed number: a transit number (the unmonitored call holding it continues there)
     * or a queue's ACD pilot, where it is the call named by {@code callId} or {@code switchCallId} (either
     * may be null), else the one call expected there. Returns the CallID it matched, or null when none;
     * -903 for a named call that is not live, -914 when several calls are expected and none is named.
     */
    String arrived(String dialed, String switchCallId, String callId);

    /** An arrival that names no call. */
    default String arrived(String dialed) {
        return arrived(dialed, null, null);
    }

    /**
     * The phone the call was handed to rang without being answered (or could not be reached): the call goes
     * back to its queue where its entry time puts it, and the agent becomes UNAVAILABLE (docs/ARCHITECTURE.md,
     * "Nothing stays stuck").
     * A call that is no longer ringing at an agent is left as it is; returns true when the call was requeued.
     */
    boolean noAnswer(String callId);

    /**
     * A SIP phone registered {@code device} for {@code expiresSeconds} (0: it unregistered). With SIP
     * telephony, an agent whose device has no live registration is offered no call.
     */
    void registered(String device, long expiresSeconds);

    /**
     * How the call placed for a callback ended: {@code answered}, {@code no-answer}, {@code busy} or
     * {@code failed} (-306 otherwise); -1021 unknown callback, -914 when it is not being dialled.
     */
    Views.Callback callbackOutcome(String callbackId, String outcome);

    /** Operations waiting for the switch side, oldest first. */
    List<Views.SwitchEvent> pendingEvents();

    /** The pending operations published after the one of id {@code afterId}, oldest first (the event stream). */
    default List<Views.SwitchEvent> pendingAfter(long afterId) {
        return pendingEvents().stream().filter(e -> e.id() > afterId).toList();
    }

    /** The switch side carried out (or gave up on) this event. */
    void acknowledge(long eventId);

    /**
     * The telephony side is alive, with nothing else to report (a connector calls it at least every
     * {@code telephony.heartbeatSeconds}); like every other operation here, it keeps QuerySystemStatus's
     * T-Server state at 8 when a heartbeat is configured.
     */
    void heartbeat();
}
