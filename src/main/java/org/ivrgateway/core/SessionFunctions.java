package org.ivrgateway.core;

import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.session.Session;

/**
 * Initialize, SetCallInfo and QueryCallInfo: the start of every IVR script (docs/VXML.md, docs/ARCHITECTURE.md).
 * QueryCallInfo binds the call to the session; for an unmonitored call (TrunkConnectedIVRCall "1", "1;" or
 * "1,") it creates the call from SetCallInfo's ANI/DNIS, and answers -312 (our choice) when SetCallInfo was
 * not called; for a monitored one it returns the call at the configured IVR device (-909, our choice, for
 * a device not in {@code ivrDevices}; -903 when no call is there).
 */
final class SessionFunctions {
    private final Parts parts;

    SessionFunctions(Parts parts) {
        this.parts = parts;
    }

    Result initialize(Request r) {
        String expected = parts.config().adminServerName();
        String given = r.args().string("AdminServerName");
        if (expected != null && !expected.equalsIgnoreCase(given)) {
            throw new IvrException(ReturnCode.SERVER_UNREACHABLE, "no administration server named " + given);
        }
        Session s = parts.store().transaction(tx -> parts.sessions().create(tx, r.client(),
                r.args().string("LocalPort"), r.args().integer("RpcTimeout")));
        return r.success().with("SessionID", s.id());
    }

    Result setCallInfo(Request r) {
        if (r.session().callQueried()) {
            throw new IvrException(ReturnCode.WRONG_SEQUENCE, "SetCallInfo must come before QueryCallInfo");
        }
        parts.store().transaction(tx -> {
            parts.sessions().setCallInfo(tx, r.session().id(), r.args().string("ANI"), r.args().string("DNIS"));
            return null;
        });
        return r.success();
    }

    Result queryCallInfo(Request r) {
        String device = r.args().string("Device");
        boolean unmonitored = isUnmonitored(r.args().string("TrunkConnectedIVRCall"));
        Session s = r.session();
        CallRow call = parts.store().transaction(tx -> {
            CallRow found;
            if (unmonitored) {
                CallRow previous = s.callId() == null ? null : parts.calls().find(tx, s.callId())
                        .filter(c -> !c.monitored() && !c.ended()).orElse(null);
                if (previous != null) {
                    found = previous;
                } else if (s.ani() == null) {
                    throw new IvrException(ReturnCode.WRONG_SEQUENCE,
                            "an unmonitored call needs SetCallInfo before QueryCallInfo");
                } else {
                    found = parts.calls().create(tx, false, device, s.ani(), s.dnis(), null);
                }
            } else {
                if (!parts.config().ivrDevices().contains(device)) {
                    throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "device " + device + " is not a monitored IVR device");
                }
                found = parts.calls().atDevice(tx, device).orElseThrow(
                        () -> new IvrException(ReturnCode.NO_CALL, "no call at device " + device));
            }
            parts.sessions().bindCall(tx, s.id(), found.callId(), !unmonitored);
            return found;
        });
        return r.success().with("CallID", call.callId()).with("originalANI", call.ani())
                .with("originalDNIS", call.dnis()).with("UUID", call.uuid()).with("Visits", call.visits())
                .with("FMNQ", call.fmnq() ? 1 : 0).with("InternalANI", "")
                .with("InternalDNIS", call.monitored() ? device : "");
    }

    /** The guide: "1," (or "1;" in its chapter 2) marks an unmonitored call; any other value, a monitored one. */
    static boolean isUnmonitored(String trunkConnected) {
        return trunkConnected != null && trunkConnected.strip().matches("1[;,]?");
    }
}
