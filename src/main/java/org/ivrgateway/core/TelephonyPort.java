package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.StoredText;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.api.Views;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Sql;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.core.queue.Visits;

/**
 * The built-in telephony side (docs/ARCHITECTURE.md, "Call identity"). A call offered at an IVR device is
 * a new call unless the report names, as {@code switchCallId}, the switch's identity of a live call: then it
 * is that call coming back — it keeps its CallID, its Visits grow by one, and its FMNQ flag is 1 when it is
 * still queued (the guide's FMNQ situation). Calls are never matched by ANI and DNIS: two callers with the
 * same or a withheld number are two calls.
 */
final class TelephonyPort implements Telephony {
    /** Characters of a switch's call identity that are kept (the column switch_call_id). */
    private static final int SWITCH_CALL_ID_LENGTH = 255;
    private final CenterConfig config;
    private final Store store;
    private final Calls calls;
    private final SwitchEvents events;
    private final Router router;
    private final CallbackWork callbackWork;
    private final Registrations registrations;
    /** The contact time is written at most this often: it feeds QuerySystemStatus's TServer state. */
    private final long contactEveryMs;
    private volatile long lastContact = Long.MIN_VALUE / 2;

    TelephonyPort(CenterConfig config, Store store, Calls calls, SwitchEvents events, Router router,
            CallbackWork callbackWork, Registrations registrations) {
        this.config = config;
        this.store = store;
        this.calls = calls;
        this.events = events;
        this.router = router;
        this.callbackWork = callbackWork;
        this.registrations = registrations;
        int heartbeat = config.telephony().heartbeatSeconds();
        this.contactEveryMs = heartbeat > 0 ? Math.min(5_000, heartbeat * 250L) : 5_000;
    }

    @Override
    public String offer(String device, String ani, String dnis, String switchCallId) {
        if (device == null || !config.ivrDevices().contains(device)) {
            throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "device " + device + " is not a monitored IVR device");
        }
        String a = number("ani", ani);
        String d = number("dnis", dnis);
        String switchId = switchCallId == null || switchCallId.isBlank() ? null
                : StoredText.check("switchCallId", switchCallId.strip(), SWITCH_CALL_ID_LENGTH);
        return store.routing(tx -> {
            contact(tx);
            for (CallRow there : calls.liveAt(tx, device)) {
                if (switchId == null || !switchId.equals(there.switchCallId())) calls.leaveDevice(tx, there.callId());
            }
            Optional<CallRow> back = calls.bySwitchId(tx, switchId);
            if (back.isEmpty()) return calls.create(tx, true, device, a, d, switchId).callId();
            CallRow call = back.get();
            router.leftTheAgent(tx, call);
            calls.returnToDevice(tx, call, device);
            return call.callId();
        });
    }

    @Override
    public Views.Callback callbackOutcome(String callbackId, String outcome) {
        return callbackWork.outcome(callbackId, outcome);
    }

    @Override
    public void answered(String callId) {
        store.routing(tx -> {
            contact(tx);
            CallRow call = known(tx, callId);
            if (!call.ended()) router.answered(tx, call);
            return null;
        });
    }

    @Override
    public void cleared(String callId) {
        store.routing(tx -> {
            contact(tx);
            CallRow call = known(tx, callId);
            if (!call.ended()) router.ended(tx, call, Visits.ABANDONED);
            return null;
        });
    }

    @Override
    public String arrived(String dialed, String switchCallId, String callId) {
        if (dialed == null || dialed.isBlank()) throw new IvrException(ReturnCode.INVALID_PARAMETER, "dialed is required");
        return store.routing(tx -> {
            contact(tx);
            return router.arrived(tx, dialed.strip(), switchCallId, callId).orElse(null);
        });
    }

    @Override
    public boolean noAnswer(String callId) {
        return store.routing(tx -> {
            contact(tx);
            return router.noAnswer(tx, known(tx, callId));
        });
    }

    @Override
    public void registered(String device, long expiresSeconds) {
        if (device == null || device.isBlank() || device.length() > 80) {
            throw new IvrException(ReturnCode.INVALID_PARAMETER, "device must be 1 to 80 characters");
        }
        if (expiresSeconds < 0) throw new IvrException(ReturnCode.INVALID_PARAMETER, "expires must not be negative");
        store.routing(tx -> {
            contact(tx);
            registrations.registered(tx, device.strip(), expiresSeconds);
            if (expiresSeconds > 0) router.dispatch(tx);
            return null;
        });
    }

    @Override
    public List<Views.SwitchEvent> pendingEvents() {
        return store.transaction(tx -> {
            contact(tx);
            return events.pending(tx);
        });
    }

    @Override
    public void acknowledge(long eventId) {
        boolean done = store.transaction(tx -> {
            contact(tx);
            return events.acknowledge(tx, eventId);
        });
        if (!done) throw new IvrException(ReturnCode.OPERATION_FAILED, "no pending switch event " + eventId);
    }

    @Override
    public void heartbeat() {
        store.transaction(tx -> {
            contact(tx);
            return null;
        });
    }

        private CallRow known(Tx tx, String callId) throws SQLException {
        return calls.find(tx, callId).orElseThrow(() -> new IvrException(ReturnCode.NO_CALL, "no call " + callId));
    }

    private void contact(Tx tx) throws SQLException {
        if (tx.now() - lastContact < contactEveryMs && tx.now() >= lastContact) return;
        Sql.update(tx.c(), "UPDATE telephony_contact SET last_ms = ? WHERE id = 1", tx.now());
        lastContact = tx.now();
    }

    /** ANI and DNIS: the 80 characters of the guide's originalANI / originalDNIS (api.StoredText). */
    private static String number(String name, String value) {
        return StoredText.check(name, value == null ? "" : value.strip(), 80);
    }
}
