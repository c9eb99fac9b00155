package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.Views;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * A VoiceXML session acts only on the call its QueryCallInfo found (docs/SECURITY.md): another session's
 * CallID answers -903, as an unknown one would, and changes nothing. CallIDs cannot be guessed.
 */
class SessionBoundaryTest {

    @BothDatabases
    void anotherSessionsCallGives903AndStaysUntouched(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script victim = f.monitored(Fixture.IVR, "4165550100", "69030");
        assertEquals(0, f.center.setContactData(victim.session(), victim.callId(), "PIN", "1234").returnCode());
        Fixture.Script other = f.monitored(Fixture.IVR2, "4165550199", "69031");

        int noCall = ReturnCode.NO_CALL.code();
        assertEquals(noCall, f.center.getContactData(other.session(), victim.callId(), "PIN").returnCode());
        assertEquals(noCall, f.center.setContactData(other.session(), victim.callId(), "PIN", "0000").returnCode());
        assertEquals(noCall, f.center.enqueue(other.session(), victim.callId(), 1, Fixture.SALES, 100, "x", "").returnCode());
        assertEquals(noCall, f.center.transfer(other.session(), victim.callId(), "5001").returnCode());
        assertEquals(noCall, f.center.disconnect(other.session(), victim.callId()).returnCode());
        assertEquals(noCall, f.center.queryCallStatus(other.session(), victim.callId(), 0).returnCode());

        // the victim's own session still sees its call as it was
        Result pin = f.center.getContactData(victim.session(), victim.callId(), "PIN");
        assertEquals(0, pin.returnCode(), pin.detail());
        assertEquals("1234", pin.string("Value"));
        Views.Call call = f.center.calls().stream().filter(c -> c.callId().equals(victim.callId())).findFirst().orElseThrow();
        assertEquals(null, call.queue());
        // and the other session its own
        assertEquals(0, f.center.setContactData(other.session(), other.callId(), "PIN", "9999").returnCode());
    }

    @BothDatabases
    void anotherSessionsCallAnswersAsAnUnknownOne(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script victim = f.monitored(Fixture.IVR, "4165550100", "69030");
        Fixture.Script other = f.monitored(Fixture.IVR2, "4165550199", "69031");
        Result foreign = f.center.getContactData(other.session(), victim.callId(), "PIN");
        Result unknown = f.center.getContactData(other.session(), "999999999999999999", "PIN");
        assertEquals(unknown.returnCode(), foreign.returnCode());
        assertEquals(unknown.detail().replace("999999999999999999", victim.callId()), foreign.detail());
    }

    @BothDatabases
    void callIdsAreEighteenRandomDigits(TestDatabase db) {
        Fixture f = new Fixture(db);
        String a = f.center.offer(Fixture.IVR, "4165550100", "69030");
        String b = f.center.offer(Fixture.IVR2, "4165550101", "69030");
        assertTrue(a.matches("[1-9][0-9]{17}"), a);
        assertTrue(b.matches("[1-9][0-9]{17}"), b);
        // consecutive calls are not neighbours: a counter or a clock would put them within a few of each other
        BigInteger gap = new BigInteger(a).subtract(new BigInteger(b)).abs();
        assertTrue(gap.compareTo(BigInteger.valueOf(1_000_000_000L)) > 0, a + " and " + b + " are too close");
        assertNotEquals(a.substring(0, 10), b.substring(0, 10), "the first ten digits must not be a shared timestamp");
    }
}
