package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.session.Session;
import org.ivrgateway.core.session.Sessions;

/**
 * Initialize, SetCallInfo and QueryCallInfo: the start of every IVR script (docs/VXML.md, docs/ARCHITECTURE.md).
 * QueryCallInfo binds the call to the session; for an unmonitored call (TrunkConnectedIVRCall "1", "1;" or
 * "1,") it creates the call from SetCallInfo's ANI/DNIS, and answers -312 (our choice) when SetCallInfo was
 * not called; for a monitored one it returns the call at the configured IVR device (-909, our choice, for
 * a device not in {@code ivrDevices}; -903 when no call is there).
 */
final class SessionFunctions {
    private final CenterConfig config;
    private final Sessions sessions;
    private final Calls calls;

    SessionFunctions(CenterConfig config, Sessions sessions, Calls calls) {
        this.config = config;
        this.sessions = sessions;
        this.calls = calls;
    }

    Result initialize(Tx tx, Request r) throws SQLException {
        String expected = config.adminServerName();
        String given = r.args().string(Param.ADMIN_SERVER_NAME);
        if (expected != null && !expected.equalsIgnoreCase(given)) {
            throw new IvrException(ReturnCode.SERVER_UNREACHABLE, "no administration server named " + given);
        }
        Session s = sessions.create(tx, r.client(), r.args().string(Param.LOCAL_PORT),
                r.args().integer(Param.RPC_TIMEOUT));
        return r.success().with(Param.SESSION_ID, s.id());
    }

    Result setCallInfo(Tx tx, Request r) throws SQLException {
        if (r.session().callQueried()) {
            throw new IvrException(ReturnCode.WRONG_SEQUENCE, "SetCallInfo must come before QueryCallInfo");
        }
        sessions.setCallInfo(tx, r.session().id(), r.args().string(Param.ANI), r.args().string(Param.DNIS));
        return r.success();
    }

    Result queryCallInfo(Tx tx, Request r) throws SQLException {
        String device = r.args().string(Param.DEVICE);
        boolean unmonitored = isUnmonitored(r.args().string(Param.TRUNK_CONNECTED_IVR_CALL));
        Session s = r.session();
        CallRow call;
        if (unmonitored) {
            CallRow previous = s.callId() == null ? null : calls.find(tx, s.callId())
                    .filter(c -> !c.monitored() && !c.ended()).orElse(null);
            if (previous != null) {
                call = previous;
            } else if (s.ani() == null) {
                throw new IvrException(ReturnCode.WRONG_SEQUENCE,
                        "an unmonitored call needs SetCallInfo before QueryCallInfo");
            } else {
                call = calls.create(tx, false, device, s.ani(), s.dnis(), null);
            }
        } else {
            if (!config.ivrDevices().contains(device)) {
                throw new IvrException(ReturnCode.UNKNOWN_DEVICE, "device " + device + " is not a monitored IVR device");
            }
            call = calls.atDevice(tx, device).orElseThrow(
                    () -> new IvrException(ReturnCode.NO_CALL, "no call at device " + device));
        }
        sessions.bindCall(tx, s.id(), call.callId(), !unmonitored);
        return r.success().with(Param.CALL_ID, call.callId()).with(Param.ORIGINAL_ANI, call.ani())
                .with(Param.ORIGINAL_DNIS, call.dnis()).with(Param.UUID, call.uuid()).with(Param.VISITS, call.visits())
                .with(Param.FMNQ, call.fmnq() ? 1 : 0).with(Param.INTERNAL_ANI, "")
                .with(Param.INTERNAL_DNIS, call.monitored() ? device : "");
    }

    /** The guide: "1," (or "1;" in its chapter 2) marks an unmonitored call; any other value, a monitored one. */
    static boolean isUnmonitored(String trunkConnected) {
        return trunkConnected != null && trunkConnected.strip().matches("1[;,]?");
    }
}
