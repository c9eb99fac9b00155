package org.ivrgateway.core;

import java.sql.SQLException;
import java.util.Map;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Param;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.ContactData;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.queue.Router;

/**
 * What a script attaches to a call: contact data, the transferable flag (FMNQ), the business unit.
 * SetCallTransferable(0) answers -914 while the call is already handed to an agent (the guide: no success
 * means the call is being transferred). Without multiTenant, Set/GetBusinessUnit answer -955; with it,
 * GetBusinessUnit before SetBusinessUnit answers -914 (our choice).
 */
final class CallDataFunctions {
    private final CenterConfig config;
    private final Calls calls;
    private final ContactData contactData;
    private final Router router;

    CallDataFunctions(CenterConfig config, Calls calls, ContactData contactData, Router router) {
        this.config = config;
        this.calls = calls;
        this.contactData = contactData;
        this.router = router;
    }

    /**
     * Sets one key. A call holds at most {@link ContactData#MAX_KEYS} keys and {@link ContactData#MAX_BYTES}
     * bytes of keys and values (UTF-8): a key past either is -306 and changes nothing (docs/RELIABILITY.md).
     * The checks read the call row-locked ({@link Routine.Lock#CALL}), so two requests at once cannot both take
     * the last place.
     */
    Result setContactData(Tx tx, Request r) throws SQLException {
        String key = r.args().string(Param.KEY);
        String value = r.args().string(Param.VALUE);
        Map<String, String> data = contactData.all(tx, r.callId());
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
        contactData.put(tx, r.callId(), key, value);
        return r.success();
    }

    Result getContactData(Tx tx, Request r) throws SQLException {
        String key = r.args().string(Param.KEY);
        String value = contactData.get(tx, r.callId(), key).orElseThrow(
                () -> new IvrException(ReturnCode.CONTACT_DATA_KEY_NOT_SET, "contact data key " + key + " is not set"));
        return r.success().with(Param.VALUE, value);
    }

    Result setCallTransferable(Tx tx, Request r) throws SQLException {
        boolean transferable = r.args().integer(Param.FLAG_VALUE) == 1;
        CallRow call = r.call();
        if (!transferable && call.status() == CallStatus.WAITING.code()) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "call " + call.callId()
                    + " is already being transferred to " + call.extension());
        }
        calls.setTransferable(tx, call.callId(), transferable);
        if (transferable) router.dispatch(tx);
        return r.success();
    }

    Result getCallTransferable(Tx tx, Request r) {
        return r.success().with(Param.FLAG_VALUE, r.call().transferable() ? 1 : 0);
    }

    Result setBusinessUnit(Tx tx, Request r) throws SQLException {
        requireMultiTenant();
        String name = r.args().string(Param.BUSINESS_UNIT_NAME);
        CallRow call = r.call();
        if (call.businessUnit() != null) {
            throw new IvrException(ReturnCode.BUSINESS_UNIT_ALREADY_SET,
                    "call " + call.callId() + " is already in " + call.businessUnit());
        }
        String unit = config.businessUnit(name).orElseThrow(
                () -> new IvrException(ReturnCode.UNKNOWN_BUSINESS_UNIT, "no business unit " + name));
        calls.setBusinessUnit(tx, call.callId(), unit);
        return r.success();
    }

    Result getBusinessUnit(Tx tx, Request r) {
        requireMultiTenant();
        String unit = r.call().businessUnit();
        if (unit == null) {
            throw new IvrException(ReturnCode.OPERATION_FAILED, "call SetBusinessUnit first");
        }
        return r.success().with(Param.BUSINESS_UNIT_NAME, unit);
    }

    private void requireMultiTenant() {
        if (!config.multiTenant()) {
            throw new IvrException(ReturnCode.NO_MULTI_TENANT_LICENSE, "multiTenant is not enabled");
        }
    }
}
