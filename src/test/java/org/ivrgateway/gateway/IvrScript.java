package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ivrgateway.gateway.SubdialogClient.Style;

/**
 * One IVR port's script, as a VoiceXML application would run it: Initialize, then calls that carry the
 * session (by cookie, or by a {@code SessionID} parameter when the browser keeps none) and the CallID.
 */
final class IvrScript {
    final SubdialogClient browser;
    final Style style;
    private final boolean sendSessionId;
    String sessionId = "";
    String callId = "";

    IvrScript(SubdialogClient browser, Style style, boolean sendSessionId) {
        this.browser = browser;
        this.style = style;
        this.sendSessionId = sendSessionId;
    }

    Map<String, Object> call(String function, Map<String, ?> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        if (sendSessionId && !function.equals("Initialize")) all.put("SessionID", sessionId);
        return browser.call(function, all, style);
    }

    /** Initialize on {@code port}, SetCallInfo, QueryCallInfo of an unmonitored call: the call is ready. */
    IvrScript startUnmonitoredCall(int port, String ani, String dnis) {
        Map<String, Object> init = call("Initialize", Map.of("LocalPort", String.valueOf(port),
                "AdminServerName", "6000@localhost", "RpcTimeout", 60000));
        assertEquals(0, init.get("ReturnCode"), init::toString);
        sessionId = (String) init.get("SessionID");
        assertEquals(0, call("SetCallInfo", Map.of("ANI", ani, "DNIS", dnis)).get("ReturnCode"));
        Map<String, Object> info = call("QueryCallInfo", Map.of("Device", LiveCenter.IVR_DEVICE, "TrunkConnectedIVRCall", "1"));
        assertEquals(0, info.get("ReturnCode"), info::toString);
        callId = (String) info.get("CallID");
        return this;
    }
}
