package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.Platform;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.core.queue.Visits;

/**
 * Functions that need the switch (docs/ARCHITECTURE.md): Transfer, Disconnect, SetDisplay, published as events
 * for the telephony side; and CallerDisconnected, which ends an unmonitored call. Transfer and Disconnect
 * answer -914 when the call is no longer at an IVR device. SetDisplay answers -914 on platforms other than
 * openscape-4000 (our choice: the guide says it exists only there).
 */
final class SwitchFunctions {
    private final CenterConfig config;
    private final Calls calls;
    private final SwitchEvents events;
    private final Router router;
    private final Destinations destinations;

    SwitchFunctions(CenterConfig config, Calls calls, SwitchEvents events, Router router) {
        this.config = config;
        this.calls = calls;
        this.events = events;
        this.router = router;
        this.destinations = new Destinations(config);
    }

    Result transfer(Tx tx, Request r) throws SQLException {
        String to = destinations.check(r.args().string(Param.TO_DEVICE));
        CallRow call = r.call();
        if (call.device() == null) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId() + " is not at an IVR device");
        }
        events.publish(tx, SwitchEvents.TRANSFER, call.callId(), to, call.device());
        calls.leaveDevice(tx, call.callId());
        boolean toItsAgentOrPilot = to.equals(call.extension()) || (call.queue() != null && config
                .queue(call.queue()).map(q -> to.equals(q.pilot())).orElse(false));
        if (!toItsAgentOrPilot && call.queue() != null) router.dequeue(tx, call, Visits.DEQUEUED);
        // To another queue's pilot: the call is expected there, and enters that queue when it arrives.
        boolean toAPilot = config.queues().stream().anyMatch(q -> to.equals(q.pilot()));
        if (!toItsAgentOrPilot && toAPilot) calls.sentTo(tx, call.callId(), to);
        return r.success();
    }

    Result disconnect(Tx tx, Request r) throws SQLException {
        CallRow call = r.call();
        if (call.device() == null) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId() + " is not at an IVR device");
        }
        events.publish(tx, SwitchEvents.DISCONNECT, call.callId(), call.device(), null);
        router.ended(tx, call, Visits.ABANDONED);
        return r.success();
    }

    Result setDisplay(Tx tx, Request r) throws SQLException {
        if (config.platform() != Platform.OPENSCAPE_4000) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "SetDisplay needs the openscape-4000 platform");
        }
        String text = r.args().string(Param.DISPLAY_INFO);
        CallRow call = r.call();
        calls.setDisplay(tx, call.callId(), text);
        String agentDevice = call.agentId() == null ? null : call.extension();
        events.publish(tx, SwitchEvents.DISPLAY, call.callId(), agentDevice, text);
        return r.success();
    }

    /** TermType 1 (transferred out of the domain) counts a queued call as dequeued, else abandoned. */
    Result callerDisconnected(Tx tx, Request r) throws SQLException {
        String outcome = r.args().integer(Param.TERM_TYPE) == 1 ? Visits.DEQUEUED : Visits.ABANDONED;
        router.ended(tx, r.call(), outcome);
        return r.success();
    }
}
