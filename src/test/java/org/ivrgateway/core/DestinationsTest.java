package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.IVR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.DialPlanConfig;
import org.ivrgateway.config.Platform;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * Transfer's ToDevice (docs/CONFORMANCE.md, Transfer): every form the guide calls valid, digits grouped by
 * spaces, dots or dashes, and the internal dial plan. The fixture's devices have 4 and 5 digits.
 */
class DestinationsTest {

    @BothDatabases
    void everyFormTheGuideCallsValidIsDialedAsItsDigits(TestDatabase db) {
        Fixture f = new Fixture(db);
        Map<String, String> dialed = new LinkedHashMap<>();
        dialed.put("+1 (555) 555-0199", "+15555550199");
        dialed.put("(555) 555-0199", "5555550199");
        dialed.put("+1 555-0199", "+15550199");
        dialed.put("5555550199", "5555550199");
        dialed.put("+1 (555) 555-0199--1212", "+15555550199--1212");
        dialed.put("+33 1 23 45 67 89", "+33123456789");
        dialed.put("01.23.45.67.89", "0123456789");
        dialed.put("555-555-0199", "5555550199");
        dialed.put("*72", "*72");
        dialed.put("5001", "5001");        // an agent device
        dialed.put("70-00", "7000");       // a pilot, grouped
        dialed.put("8001", "8001");        // a transit number
        dialed.put("5999", "5999");        // an overflow destination
        dialed.forEach((toDevice, expected) -> assertEquals(expected, transfer(f, toDevice, 0), toDevice));
    }

    @BothDatabases
    void badDestinationsGive913Or917(TestDatabase db) {
        Fixture f = new Fixture(db);
        for (String bad : List.of("abc", "5001x", "sip:5001@pbx", "12 -- 34", "--12")) {
            transfer(f, bad, ReturnCode.INVALID_TO_DEVICE.code());
        }
        for (String bad : List.of("+1 (x)", "+", "(555 555-0199", "+1 (555) (555) 0199", "+1 555 abc")) {
            transfer(f, bad, ReturnCode.TAPI_CONVERSION_ERROR.code());
        }
    }

    @BothDatabases
    void anInternalNumberMustBeKnownOrADialPlanDestination(TestDatabase db) {
        Fixture plain = new Fixture(db);
        transfer(plain, "4444", ReturnCode.UNKNOWN_DEVICE.code());      // 4 digits, like the agent devices
        transfer(plain, "44 44", ReturnCode.UNKNOWN_DEVICE.code());
        transfer(plain, "12345", ReturnCode.UNKNOWN_DEVICE.code());     // 5, like the IVR devices
        assertEquals("123456", transfer(plain, "123456", 0));           // outside the dial plan: the switch's

        Fixture voicemail = new Fixture(db, withDialPlan(new DialPlanConfig(null, List.of("4444", "44-45"))));
        assertEquals("4444", transfer(voicemail, "4444", 0));
        assertEquals("4445", transfer(voicemail, "4445", 0));

        Fixture wide = new Fixture(db, withDialPlan(new DialPlanConfig("^[0-9]{3,7}$", List.of("123"))));
        assertEquals("123", transfer(wide, "123", 0));
        transfer(wide, "1234567", ReturnCode.UNKNOWN_DEVICE.code());
        assertEquals("12345678", transfer(wide, "12345678", 0));
        assertEquals("+3312345", transfer(wide, "+33 12345", 0));       // a + is outside that plan
    }

    private static int calls;

    /** A fresh call transferred to {@code toDevice}: the destination the switch was given, or the expected code. */
    private static String transfer(Fixture f, String toDevice, int expectedCode) {
        Fixture.Script call = f.monitored(IVR, "416555" + (++calls), "69030"); // a new caller each time
        Result r = f.center.transfer(call.session(), call.callId(), toDevice);
        assertEquals(expectedCode, r.returnCode(), toDevice + ": " + r.detail());
        var events = f.center.pendingEvents().stream()
                .filter(e -> e.type().equals("TRANSFER") && e.callId().equals(call.callId())).toList();
        assertEquals(expectedCode == 0 ? 1 : 0, events.size(), toDevice);
        return events.isEmpty() ? null : events.get(0).destination();
    }

    private static CenterConfig withDialPlan(DialPlanConfig plan) {
        CenterConfig c = Fixture.config(false, Platform.OPENSCAPE_4000);
        return new CenterConfig(c.gateway(), c.adminServerName(), c.platform(), c.multiTenant(), c.businessUnits(),
                c.ivrDevices(), c.agentDevices(), c.queues(), c.agents(), c.transitNumbers(), c.callbacks(), c.routing(),
                c.statistics(), c.businessHours(), plan, c.telephony());
    }
}
