package org.ivrgateway.core;

import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.Platform;
import org.ivrgateway.core.queue.Visits;

/**
 * Functions that need the switch (docs/ARCHITECTURE.md): Transfer, Disconnect, SetDisplay, published as events
 * for the telephony side; and CallerDisconnected, which ends an unmonitored call. Transfer and Disconnect
 * answer -914 when the call is no longer at an IVR device. SetDisplay answers -914 on platforms other than
 * openscape-4000 (our choice: the guide says it exists only there).
 */
final class SwitchFunctions {
    private final Parts parts;
    private final Destinations destinations;

    SwitchFunctions(Parts parts) {
        this.parts = parts;
        this.destinations = new Destinations(parts.config());
    }

    Result transfer(Request r) {
        String to = destinations.check(r.args().string("ToDevice"));
        parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            if (call.device() == null) {
                throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId() + " is not at an IVR device");
            }
            parts.events().publish(tx, SwitchEvents.TRANSFER, call.callId(), to, call.device());
            parts.calls().leaveDevice(tx, call.callId());
            boolean toItsAgentOrPilot = to.equals(call.extension()) || (call.queue() != null && parts.config()
                    .queue(call.queue()).map(q -> to.equals(q.pilot())).orElse(false));
            if (!toItsAgentOrPilot && call.queue() != null) parts.router().dequeue(tx, call, Visits.DEQUEUED);
            // To another queue's pilot: the call is expected there, and enters that queue when it arrives.
            boolean toAPilot = parts.config().queues().stream().anyMatch(q -> to.equals(q.pilot()));
            if (!toItsAgentOrPilot && toAPilot) parts.calls().sentTo(tx, call.callId(), to);
            return null;
        });
        return r.success();
    }

    Result disconnect(Request r) {
        parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            if (call.device() == null) {
                throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId() + " is not at an IVR device");
            }
            parts.events().publish(tx, SwitchEvents.DISCONNECT, call.callId(), call.device(), null);
            parts.router().ended(tx, call, Visits.ABANDONED);
            return null;
        });
        return r.success();
    }

    Result setDisplay(Request r) {
        if (parts.config().platform() != Platform.OPENSCAPE_4000) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "SetDisplay needs the openscape-4000 platform");
        }
        String text = r.args().string("DisplayInfo");
        parts.store().transaction(tx -> {
            CallRow call = parts.current(tx, r.callId());
            parts.calls().setDisplay(tx, call.callId(), text);
            String agentDevice = call.agentId() == null ? null : call.extension();
            parts.events().publish(tx, SwitchEvents.DISPLAY, call.callId(), agentDevice, text);
            return null;
        });
        return r.success();
    }

    /** TermType 1 (transferred out of the domain) counts a queued call as dequeued, else abandoned. */
    Result callerDisconnected(Request r) {
        String outcome = r.args().integer("TermType") == 1 ? Visits.DEQUEUED : Visits.ABANDONED;
        parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            parts.router().ended(tx, call, outcome);
            return null;
        });
        return r.success();
    }
}
