package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.config.Platform;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class SwitchFunctionsTest {

    @BothDatabases
    void transferPublishesATransferEvent(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(0, f.center.transfer(call.session(), call.callId(), "5001").returnCode());
        Views.SwitchEvent e = only(f, "TRANSFER");
        assertEquals(call.callId(), e.callId());
        assertEquals("5001", e.destination());
        // the call has left the IVR device
        assertEquals(ReturnCode.OPERATION_FAILED.code(), f.center.transfer(call.session(), call.callId(), "5002").returnCode());
    }

    @BothDatabases
    void transferToABadDestinationGives909Or913Or917(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_DEVICE.code(), f.center.transfer(call.session(), call.callId(), "4444").returnCode());
        assertEquals(ReturnCode.INVALID_TO_DEVICE.code(), f.center.transfer(call.session(), call.callId(), "abc").returnCode());
        assertEquals(ReturnCode.TAPI_CONVERSION_ERROR.code(), f.center.transfer(call.session(), call.callId(), "+1 (x)").returnCode());
        assertTrue(f.center.pendingEvents().isEmpty());
        assertEquals(0, f.center.transfer(call.session(), call.callId(), "+1 (555) 555-0199--12").returnCode());
        assertEquals("+15555550199--12", only(f, "TRANSFER").destination()); // the extension is kept (DestinationsTest)
    }

    @BothDatabases
    void disconnectPublishesADisconnectAndEndsTheCall(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(0, f.center.disconnect(call.session(), call.callId()).returnCode());
        assertEquals(call.callId(), only(f, "DISCONNECT").callId());
        assertEquals(CallStatus.DISCONNECT.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        assertEquals(ReturnCode.NO_CALL.code(), f.center.disconnect(call.session(), call.callId()).returnCode());
    }

    @BothDatabases
    void setDisplayShowsTheTextOnTheCallAndPublishesIt(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        assertEquals(0, f.center.setDisplay(call.session(), call.callId(), "IVR Call").returnCode());
        Views.SwitchEvent e = only(f, "DISPLAY");
        assertEquals("IVR Call", e.detail());
        assertEquals("5001", e.destination());
        assertEquals("IVR Call", f.center.calls().get(0).display());
    }

    @BothDatabases
    void setDisplayOnAnotherPlatformGives914(TestDatabase db) {
        Fixture f = new Fixture(db, Fixture.config(false, Platform.OPENSCAPE_VOICE));
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.OPERATION_FAILED.code(), f.center.setDisplay(call.session(), call.callId(), "x").returnCode());
    }

    @BothDatabases
    void monitoredOnlyFunctionsGive311ForUnmonitoredCalls(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.unmonitored("6060", "1", "2");
        int code = ReturnCode.MONITORED_ONLY.code();
        assertEquals(code, f.center.transfer(call.session(), call.callId(), "5001").returnCode());
        assertEquals(code, f.center.disconnect(call.session(), call.callId()).returnCode());
        assertEquals(code, f.center.setCallTransferable(call.session(), call.callId(), 0).returnCode());
        assertEquals(code, f.center.getCallTransferable(call.session(), call.callId()).returnCode());
    }

    @BothDatabases
    void unmonitoredOnlyFunctionsGive310ForMonitoredCalls(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        int code = ReturnCode.UNMONITORED_ONLY.code();
        assertEquals(code, f.center.callerDisconnected(call.session(), call.callId(), 2).returnCode());
        assertEquals(code, f.center.getTransitNumber(call.session(), call.callId()).returnCode());
        assertEquals(code, f.center.releaseTransitNumber(call.session(), call.callId()).returnCode());
    }

    @BothDatabases
    void aCallOfTheOtherKindNamedInAnotherSessionGives903Not931(TestDatabase db) {
        // A session acts only on the call its QueryCallInfo found (docs/SECURITY.md), whose kind is the
        // session's own: naming a call of the other kind is naming another session's call, -903.
        Fixture f = new Fixture(db);
        Fixture.Script monitored = f.monitored(IVR, "1", "2");
        Fixture.Script unmonitored = f.unmonitored("6060", "3", "4");
        assertEquals(ReturnCode.NO_CALL.code(),
                f.center.getTransitNumber(unmonitored.session(), monitored.callId()).returnCode());
        assertEquals(ReturnCode.NO_CALL.code(),
                f.center.callerDisconnected(monitored.session(), unmonitored.callId(), 2).returnCode());
    }

    @BothDatabases
    void callerDisconnectedEndsTheCallAndFreesItsTransitNumber(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.unmonitored("6060", "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        String number = f.center.getTransitNumber(call.session(), call.callId()).string("TransitNumber");
        assertEquals(0, f.center.callerDisconnected(call.session(), call.callId(), 2).returnCode());
        assertEquals(CallStatus.DISCONNECT.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        assertTrue(f.center.calls().isEmpty());
        // the number is free again, but goes last: numbers are handed out least recently used first
        Fixture.Script next = f.unmonitored("6061", "5", "6");
        assertNotEquals(number, f.center.getTransitNumber(next.session(), next.callId()).string("TransitNumber"));
        Fixture.Script third = f.unmonitored("6062", "7", "8");
        assertEquals(number, f.center.getTransitNumber(third.session(), third.callId()).string("TransitNumber"));
    }

    private static Views.SwitchEvent only(Fixture f, String type) {
        var events = f.center.pendingEvents().stream().filter(e -> e.type().equals(type)).toList();
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    @BothDatabases
    void disconnectOfACallThatLeftTheIvrGives914(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(0, f.center.transfer(call.session(), call.callId(), "5001").returnCode());
        int events = f.center.pendingEvents().size();
        assertEquals(ReturnCode.OPERATION_FAILED.code(), f.center.disconnect(call.session(), call.callId()).returnCode());
        assertEquals(events, f.center.pendingEvents().size(), "no DISCONNECT published for a call the IVR no longer has");
    }
}
