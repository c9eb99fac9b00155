package org.ivrgateway.core;

import java.util.Map;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.ContactData;

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

    /**
     * Sets one key. A call holds at most {@link ContactData#MAX_KEYS} keys and {@link ContactData#MAX_BYTES}
     * bytes of keys and values (UTF-8): a key past either is -306 and changes nothing (docs/RELIABILITY.md).
     * The call's row is locked, so two requests at once cannot both take the last place.
     */
    Result setContactData(Request r) {
        String key = r.args().string("Key");
        String value = r.args().string("Value");
        parts.store().transaction(tx -> {
            parts.calls().lock(tx, r.callId());
            Map<String, String> data = parts.contactData().all(tx, r.callId());
            data.put(key, value);
            if (data.size() > ContactData.MAX_KEYS) {
                throw new IvrException(ReturnCode.INVALID_PARAMETER, "call " + r.callId() + " already holds "
                        + ContactData.MAX_KEYS + " contact data keys, the most a call may hold");
            }
            long bytes = ContactData.bytes(data);
            if (bytes > ContactData.MAX_BYTES) {
                throw new IvrException(ReturnCode.INVALID_PARAMETER, "contact data of call " + r.callId()
                        + " would hold " + bytes + " bytes, more than the " + ContactData.MAX_BYTES + " a call may hold");
            }
            parts.contactData().put(tx, r.callId(), key, value);
            return null;
        });
        return r.success();
    }

    Result getContactData(Request r) {
        String key = r.args().string("Key");
        String value = parts.store().transaction(tx -> parts.contactData().get(tx, r.callId(), key)).orElseThrow(
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
        parts.store().transaction(tx -> {
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
