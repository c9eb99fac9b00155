package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.ivrgateway.core.Fixture.SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.Platform;
import org.ivrgateway.config.RoutingRule;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class BusinessUnitTest {

    @BothDatabases
    void aCallGetsItsBusinessUnitOnce(TestDatabase db) {
        Fixture f = new Fixture(db, Fixture.config(true, Platform.OPENSCAPE_4000));
        Fixture.Script call = f.monitored(IVR, "1", "2");
        String unit = f.config.queue(SALES).orElseThrow().businessUnit();
        assertEquals(ReturnCode.OPERATION_FAILED.code(), f.center.getBusinessUnit(call.session(), call.callId()).returnCode());
        assertEquals(ReturnCode.UNKNOWN_BUSINESS_UNIT.code(),
                f.center.setBusinessUnit(call.session(), call.callId(), "Nowhere").returnCode());
        assertEquals(0, f.center.setBusinessUnit(call.session(), call.callId(), unit).returnCode());
        assertEquals(unit, f.center.getBusinessUnit(call.session(), call.callId()).string("BusinessUnitName"));
        assertEquals(ReturnCode.BUSINESS_UNIT_ALREADY_SET.code(),
                f.center.setBusinessUnit(call.session(), call.callId(), unit).returnCode());
    }

    @BothDatabases
    void enqueueNeedsTheUnitAndOneOfItsQueues(TestDatabase db) {
        Fixture f = new Fixture(db, Fixture.config(true, Platform.OPENSCAPE_4000));
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_BUSINESS_UNIT.code(),
                f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null).returnCode());
        f.center.setBusinessUnit(call.session(), call.callId(), f.config.queue(SALES).orElseThrow().businessUnit());
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(),
                f.center.enqueue(call.session(), call.callId(), 1, SUPPORT, 1, null, null).returnCode());
        assertEquals(0, f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null).returnCode());
    }

    @BothDatabases
    void routingNeverSendsACallToAnotherUnitsQueue(TestDatabase db) {
        CenterConfig c = Fixture.config(true, Platform.OPENSCAPE_4000);
        // Support is WirelessDept's queue; the first rule names no unit, so it is for WirelessDept's calls only.
        List<RoutingRule> rules = List.of(
                new RoutingRule(null, new RoutingRule.Enqueue(SUPPORT, 5, "support", null, null), null, null),
                new RoutingRule(null, new RoutingRule.Enqueue(SALES, 5, "sales", null, null), null, null));
        Fixture f = new Fixture(db, new CenterConfig(c.gateway(), c.adminServerName(), c.platform(), c.multiTenant(),
                c.businessUnits(), c.ivrDevices(), c.agentDevices(), c.queues(), c.agents(), c.transitNumbers(),
                c.callbacks(), rules, c.statistics()));
        Fixture.Script toronto = f.monitored(IVR, "4165550100", "69030");
        f.center.setBusinessUnit(toronto.session(), toronto.callId(), f.config.queue(SALES).orElseThrow().businessUnit());
        Result routed = f.center.queryRoutingInfo(toronto.session(), toronto.callId(), null);
        assertEquals(0, routed.returnCode(), routed.detail());
        assertEquals(SALES, routed.string("Destination"));
        Fixture.Script wireless = f.monitored(Fixture.IVR2, "4165550101", "69030");
        f.center.setBusinessUnit(wireless.session(), wireless.callId(), f.config.queue(SUPPORT).orElseThrow().businessUnit());
        assertEquals(SUPPORT, f.center.queryRoutingInfo(wireless.session(), wireless.callId(), null).string("Destination"));
    }

    @BothDatabases
    void queueStatisticsCheckTheUnitOnlyWhenMultiTenant(TestDatabase db) {
        Fixture f = new Fixture(db, Fixture.config(true, Platform.OPENSCAPE_4000));
        String s = f.initialize("6060");
        String unit = f.config.queue(SALES).orElseThrow().businessUnit();
        assertEquals(0, f.center.queryQueueStatistics(s, SALES, unit).returnCode());
        assertEquals(ReturnCode.UNKNOWN_BUSINESS_UNIT.code(), f.center.queryQueueStatistics(s, SALES, null).returnCode());
        assertEquals(ReturnCode.UNKNOWN_BUSINESS_UNIT.code(),
                f.center.queryQueueStatistics(s, SUPPORT, unit).returnCode());
    }

    @BothDatabases
    void withoutMultiTenantBusinessUnitFunctionsGive955(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        Result set = f.center.setBusinessUnit(call.session(), call.callId(), "Toronto");
        assertEquals(ReturnCode.NO_MULTI_TENANT_LICENSE.code(), set.returnCode());
        assertEquals(ReturnCode.NO_MULTI_TENANT_LICENSE.code(),
                f.center.getBusinessUnit(call.session(), call.callId()).returnCode());
        String s = f.initialize("6060");
        assertEquals(0, f.center.queryQueueStatistics(s, SUPPORT, "Whatever").returnCode());
    }

    @BothDatabases
    void createCallbackInMultiTenantNeedsTheUnit(TestDatabase db) {
        Fixture f = new Fixture(db, Fixture.config(true, Platform.OPENSCAPE_4000));
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_BUSINESS_UNIT.code(), f.center.createCallback(call.session(), call.callId(),
                "CBQueue", null, 0, "A", "5555550199;03/05/2025;11:00;03/05/2025;16:00", null, null).returnCode());
    }

    @BothDatabases
    void enqueueForAgentNeedsTheUnitAndOneOfItsQueues(TestDatabase db) {
        Fixture f = new Fixture(db, Fixture.config(true, Platform.OPENSCAPE_4000));
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_BUSINESS_UNIT.code(), f.center.enqueueForAgent(
                call.session(), call.callId(), 1, SALES, 1, null, ALAN, 30, null).returnCode());
        f.center.setBusinessUnit(call.session(), call.callId(), f.config.queue(SALES).orElseThrow().businessUnit());
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(), f.center.enqueueForAgent(
                call.session(), call.callId(), 1, SUPPORT, 1, null, ALAN, 30, null).returnCode());
        assertEquals(0, f.center.enqueueForAgent(
                call.session(), call.callId(), 1, SALES, 1, null, ALAN, 30, null).returnCode());
    }
}
