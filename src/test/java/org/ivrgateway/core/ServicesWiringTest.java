package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.RoutingDecision;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.RoutingRule;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class ServicesWiringTest {

    @BothDatabases
    void transitNumberIsHeldReleasedAndAnArrivalRedirectsToTheAgent(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.unmonitored("6060", "1", "2");
        assertEquals(ReturnCode.NO_TRANSIT_NUMBER_HELD.code(),
                f.center.releaseTransitNumber(call.session(), call.callId()).returnCode());
        String number = f.center.getTransitNumber(call.session(), call.callId()).string("TransitNumber");
        assertTrue(f.config.transitNumbers().numbers().contains(number));
        assertEquals(0, f.center.releaseTransitNumber(call.session(), call.callId()).returnCode());

        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.available(ALAN, "5001");
        assertEquals(CallStatus.WAITING.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        String again = f.center.getTransitNumber(call.session(), call.callId()).string("TransitNumber");
        assertEquals(call.callId(), f.center.arrived(again));
        var types = f.center.pendingEvents().stream().map(e -> e.type() + ":" + e.destination()).toList();
        assertEquals(List.of("ARRIVAL:" + again, "REDIRECT:5001"), types);
    }

    @BothDatabases
    void callbacksAreCreatedAndDeleted(TestDatabase db) {
        CenterConfig base = Fixture.config(false, org.ivrgateway.config.Platform.OPENSCAPE_4000);
        CallbackConfig callbacks = new CallbackConfig(List.of("CBQueue"), "UTC",
                Map.of("mon", "00:00-23:59", "tue", "00:00-23:59", "wed", "00:00-23:59", "thu", "00:00-23:59",
                        "fri", "00:00-23:59", "sat", "00:00-23:59", "sun", "00:00-23:59"), List.of("911"), 30);
        Fixture f = new Fixture(db, with(base, callbacks, List.of()));
        Fixture.Script call = f.monitored(Fixture.IVR, "1", "2");
        f.center.setContactData(call.session(), call.callId(), "Account", "42");
        Result r = f.center.createCallback(call.session(), call.callId(), "CBQueue", "Callback", 0, "Alan Smith",
                "5555550199;03/05/2025;11:00;03/05/2025;16:00", null, null);
        assertEquals(0, r.returnCode(), r.detail());
        String id = r.string("CallbackID");
        assertFalse(id.isEmpty());
        assertEquals(ReturnCode.INVALID_CALLBACK_QUEUE.code(), f.center.createCallback(call.session(), call.callId(),
                "Nope", null, 0, "A", "5555550199;03/05/2025;11:00;03/05/2025;16:00", null, null).returnCode());
        assertEquals(0, f.center.deleteCallback(call.session(), id).returnCode());
        assertEquals(ReturnCode.INVALID_CALLBACK_ID.code(), f.center.deleteCallback(call.session(), id).returnCode());
    }

    @BothDatabases
    void queryRoutingInfoFollowsTheRulesWithContactDataOverridingAnidnis(TestDatabase db) {
        List<RoutingRule> rules = List.of(
                new RoutingRule(new RoutingRule.When("69030", null, null, null, null, null, null, null, null, null),
                        new RoutingRule.Enqueue(SALES, 10, "Sales line", ALAN, 30), null, null),
                new RoutingRule(new RoutingRule.When("5555", null, null, null, null, null, null, null, null, null),
                        null, "5999", null));
        Fixture f = new Fixture(db, with(Fixture.config(false, org.ivrgateway.config.Platform.OPENSCAPE_4000),
                CallbackConfig.NONE, rules));
        Fixture.Script call = f.monitored(Fixture.IVR, "9055557900", "1111");
        assertEquals(ReturnCode.NO_ROUTING_INFO.code(), f.center.queryRoutingInfo(call.session(), call.callId(), null).returnCode());
        Result enqueue = f.center.queryRoutingInfo(call.session(), call.callId(), "9055557900;69030");
        assertEquals(RoutingDecision.ENQUEUE.code(), enqueue.returnCode(), enqueue.detail());
        assertEquals(SALES, enqueue.string("Destination"));
        assertEquals(ALAN, enqueue.string("AgentID"));
        assertEquals(30, enqueue.integer("AgentWaitTime"));
        assertEquals(10, enqueue.integer("InitialPriority"));
        assertEquals("Sales line", enqueue.string("Description"));
        f.center.setContactData(call.session(), call.callId(), "DNIS", "5555");
        Result transfer = f.center.queryRoutingInfo(call.session(), call.callId(), "9055557900;69030");
        assertEquals(RoutingDecision.TRANSFER.code(), transfer.returnCode());
        assertEquals("5999", transfer.string("Destination"));
    }

    private static CenterConfig with(CenterConfig c, CallbackConfig callbacks, List<RoutingRule> routing) {
        return new CenterConfig(c.gateway(), c.adminServerName(), c.platform(), c.multiTenant(), c.businessUnits(),
                c.ivrDevices(), c.agentDevices(), c.queues(), c.agents(), c.transitNumbers(), callbacks, routing,
                c.statistics());
    }
}
