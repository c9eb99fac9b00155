package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class SessionAndCallInfoTest {

    @BothDatabases
    void initializeGivesACookieSafeSession(TestDatabase db) {
        Fixture f = new Fixture(db);
        String session = f.initialize("6060");
        assertTrue(session.matches("[A-Za-z0-9_-]{16,64}"), session);
    }

    @BothDatabases
    void wrongAdminServerNameGives801(TestDatabase db) {
        Fixture f = new Fixture(db);
        Result r = f.center.initialize("c", "6060", "6000@elsewhere", 10000);
        assertEquals(ReturnCode.SERVER_UNREACHABLE.code(), r.returnCode());
    }

    @BothDatabases
    void initializeWithBadPortGives306(TestDatabase db) {
        Fixture f = new Fixture(db);
        Result r = f.center.invoke(Invocation.of(IvrFunction.INITIALIZE, null).with("LocalPort", "40000")
                .with("AdminServerName", "6000@localhost").with("RpcTimeout", 1000));
        assertEquals(ReturnCode.INVALID_PARAMETER.code(), r.returnCode());
        assertTrue(r.detail().contains("LocalPort"), r.detail());
    }

    @BothDatabases
    void functionsWithoutSessionGive304(TestDatabase db) {
        Fixture f = new Fixture(db);
        assertEquals(ReturnCode.NOT_INITIALIZED.code(), f.center.querySystemStatus(null).returnCode());
        assertEquals(ReturnCode.NOT_INITIALIZED.code(), f.center.querySystemStatus("nope").returnCode());
    }

    @BothDatabases
    void initializeAgainOnThePortStartsANewSessionAndNeverEndsTheFirst(TestDatabase db) {
        Fixture f = new Fixture(db);
        String first = f.initialize("6060");
        f.center.setCallInfo(first, "111", "222");
        String second = f.initialize("6060");
        assertNotEquals(first, second);
        // another channel of the same platform, same address and LocalPort: the first session goes on
        assertEquals(0, f.center.querySystemStatus(first).returnCode());
        Result firstCall = f.center.queryCallInfo(first, "6060", "1;");
        assertEquals(0, firstCall.returnCode(), firstCall.detail());
        assertEquals("111", firstCall.string("originalANI"));
        // the new session has no ANI/DNIS: an unmonitored QueryCallInfo needs SetCallInfo again
        assertEquals(ReturnCode.WRONG_SEQUENCE.code(), f.center.queryCallInfo(second, "6060", "1;").returnCode());
    }

    @BothDatabases
    void sessionsExpireAfterIdleTime(TestDatabase db) {
        Fixture f = new Fixture(db);
        String s = f.initialize("6060");
        f.advance(f.config.gateway().sessionIdleSeconds() + 1);
        assertEquals(ReturnCode.NOT_INITIALIZED.code(), f.center.querySystemStatus(s).returnCode());
    }

    @BothDatabases
    void monitoredQueryCallInfoReturnsTheCallAtTheDevice(TestDatabase db) {
        Fixture f = new Fixture(db);
        String callId = f.center.offer(Fixture.IVR, "9055557900", "69030");
        assertTrue(callId.length() <= 18 && callId.matches("\\d+"), callId);
        String s = f.initialize(Fixture.portOf(Fixture.IVR));
        Result r = f.center.queryCallInfo(s, Fixture.IVR, null);
        assertEquals(0, r.returnCode());
        assertEquals(callId, r.string("CallID"));
        assertEquals("9055557900", r.string("originalANI"));
        assertEquals("69030", r.string("originalDNIS"));
        assertEquals(1, r.integer("Visits"));
        assertEquals(0, r.integer("FMNQ"));
        assertEquals(32, r.string("UUID").length());
    }

    @BothDatabases
    void monitoredQueryCallInfoWithoutCallGives903AndUnknownDevice909(TestDatabase db) {
        Fixture f = new Fixture(db);
        String s = f.initialize(Fixture.portOf(Fixture.IVR));
        assertEquals(ReturnCode.NO_CALL.code(), f.center.queryCallInfo(s, Fixture.IVR, null).returnCode());
        assertEquals(ReturnCode.UNKNOWN_DEVICE.code(), f.center.queryCallInfo(s, "99999", null).returnCode());
    }

    @BothDatabases
    void unmonitoredQueryCallInfoCreatesTheCallFromSetCallInfo(TestDatabase db) {
        Fixture f = new Fixture(db);
        String s = f.initialize("6060");
        assertEquals(0, f.center.setCallInfo(s, "9055551234", "12345").returnCode());
        Result r = f.center.queryCallInfo(s, "6060", "1");
        assertEquals(0, r.returnCode(), r.detail());
        assertEquals("9055551234", r.string("originalANI"));
        assertEquals("12345", r.string("originalDNIS"));
        assertTrue(f.center.calls().stream().anyMatch(c -> c.callId().equals(r.string("CallID")) && !c.monitored()));
        // asking again in the same session gives the same call
        assertEquals(r.string("CallID"), f.center.queryCallInfo(s, "6060", "1;").string("CallID"));
    }

    @BothDatabases
    void setCallInfoAfterQueryCallInfoGives312(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.unmonitored("6060", "1", "2");
        assertEquals(ReturnCode.WRONG_SEQUENCE.code(), f.center.setCallInfo(call.session(), "3", "4").returnCode());
    }

    @BothDatabases
    void callFunctionsBeforeQueryCallInfoGive308(TestDatabase db) {
        Fixture f = new Fixture(db);
        String s = f.initialize("6060");
        assertEquals(ReturnCode.CALL_INFO_NOT_QUERIED.code(), f.center.setContactData(s, "1", "k", "v").returnCode());
    }

    @BothDatabases
    void unknownCallIdGives903(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.unmonitored("6060", "1", "2");
        assertEquals(ReturnCode.NO_CALL.code(), f.center.enqueue(call.session(), "123", 1, "Sales", 1, null, null)
                .returnCode());
    }

    @BothDatabases
    void contactDataRoundTripsAndUnsetKeyGives307(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(Fixture.IVR, "1", "2");
        String value = "Jöhn \"<Doe>\" & ' \\ 日本";
        assertEquals(0, f.center.setContactData(call.session(), call.callId(), "Name", value).returnCode());
        Result r = f.center.getContactData(call.session(), call.callId(), "Name");
        assertEquals(0, r.returnCode());
        assertEquals(value, r.string("Value"));
        assertEquals(0, f.center.setContactData(call.session(), call.callId(), "Name", "x").returnCode());
        assertEquals("x", f.center.getContactData(call.session(), call.callId(), "Name").string("Value"));
        assertEquals(ReturnCode.CONTACT_DATA_KEY_NOT_SET.code(),
                f.center.getContactData(call.session(), call.callId(), "Other").returnCode());
    }

    @BothDatabases
    void tooLongContactDataGives306AndKeepsTheValue(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(Fixture.IVR, "1", "2");
        f.center.setContactData(call.session(), call.callId(), "Name", "kept");
        int max = IvrFunction.SET_CONTACT_DATA.parameter("Value").orElseThrow().maxLength();
        Result r = f.center.setContactData(call.session(), call.callId(), "Name", "v".repeat(max + 1));
        assertEquals(ReturnCode.INVALID_PARAMETER.code(), r.returnCode());
        assertEquals("kept", f.center.getContactData(call.session(), call.callId(), "Name").string("Value"));
    }
}
