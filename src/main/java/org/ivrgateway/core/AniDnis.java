package org.ivrgateway.core;

import org.ivrgateway.api.InvalidArgumentException;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Param;
import org.ivrgateway.core.call.CallRow;

/** The ANI and DNIS that Enqueue, EnqueueForAgent and QueryRoutingInfo work with. */
record AniDnis(String ani, String dnis) {
    /** Each half of ANIDNIS is at most as long as the ANI that QueryCallInfo returns. */
    private static final int MAX_ANI = IvrFunction.QUERY_CALL_INFO.parameter(Param.ORIGINAL_ANI).orElseThrow().maxLength();

    /** ANIDNIS "ani;dnis" (checked: -306), else the call's own numbers. */
    static AniDnis of(String value, CallRow call) {
        if (value == null) return new AniDnis(call.ani(), call.dnis());
        int semi = value.indexOf(';');
        if (semi < 0 || value.indexOf(';', semi + 1) >= 0 || semi > MAX_ANI || value.length() - semi - 1 > MAX_ANI) {
            throw new InvalidArgumentException(Param.ANIDNIS, "must be ANI;DNIS (each at most " + MAX_ANI + " characters)");
        }
        return new AniDnis(value.substring(0, semi), value.substring(semi + 1));
    }
}
