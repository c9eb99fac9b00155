package org.ivrgateway.core;

import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;

/**
 * What a script attaches to a call: contact data, the transferable flag (FMNQ), the business unit.
 * SetCallTransferable(0) answers -914 while the call is already handed to an agent (the guide: no success
 * means the call is being transferred). Without multiTenant, Set/GetBusinessUnit answer -955; with it,
 * GetBusinessUnit before SetBusinessUnit answers -914 (our choice).
 */
final class CallDataFunctions {
    private final Parts parts;

    CallDataFunctions(Parts parts) {
        this.parts = parts;
    }

    Result setContactData(Request r) {
        parts.store().write(tx -> {
            parts.contactData().put(tx, r.callId(), r.args().string("Key"), r.args().string("Value"));
            return null;
        });
        return r.success();
    }

    Result getContactData(Request r) {
        String key = r.args().string("Key");
        String value = parts.store().write(tx -> parts.contactData().get(tx, r.callId(), key)).orElseThrow(
                () -> new IvrException(ReturnCode.CONTACT_DATA_KEY_NOT_SET, "contact data key " + key + " is not set"));
        return r.success().with("Value", value);
    }

    Result setCallTransferable(Request r) {
        boolean transferable = r.args().integer("FlagValue") == 1;
        parts.store().routing(tx -> {
            CallRow call = parts.current(tx, r.callId());
            if (!transferable && call.status() == CallStatus.WAITING.code()) {
                throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId()
                        + " is already being transferred to " + call.extension());
            }
            parts.calls().setTransferable(tx, call.callId(), transferable);
            if (transferable) parts.router().dispatch(tx);
            return null;
        });
        return r.success();
    }

    Result getCallTransferable(Request r) {
        return r.success().with("FlagValue", r.call().transferable() ? 1 : 0);
    }

    Result setBusinessUnit(Request r) {
        requireMultiTenant();
        String name = r.args().string("BusinessUnitName");
        parts.store().write(tx -> {
            CallRow call = parts.current(tx, r.callId());
            if (call.businessUnit() != null) {
                throw new IvrException(ReturnCode.BUSINESS_UNIT_ALREADY_SET,
                        "call " + call.callId() + " is already in " + call.businessUnit());
            }
            String unit = parts.config().businessUnit(name).orElseThrow(
                    () -> new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "no business unit " + name));
            parts.calls().setBusinessUnit(tx, call.callId(), unit);
            return null;
        });
        return r.success();
    }

    Result getBusinessUnit(Request r) {
        requireMultiTenant();
        String unit = r.call().businessUnit();
        if (unit == null) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "call SetBusinessUnit first");
        }
        return r.success().with("BusinessUnitName", unit);
    }

    private void requireMultiTenant() {
        if (!parts.config().multiTenant()) {
            throw new IvrException(ReturnCode.NO_MULTI_TENANT_LICENSE, "multiTenant is not enabled");
        }
    }
}
