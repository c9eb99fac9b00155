package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.IVR2;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

class RestartAndFailureTest {

    @BothDatabases
    void aRestartedCenterCarriesOnWithCallsAgentsAndSessions(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script queued = f.monitored(IVR, "1", "2");
        f.center.setContactData(queued.session(), queued.callId(), "Name", "John");
        f.center.enqueue(queued.session(), queued.callId(), 1, SALES, 1, null, null);
        f.center.login(ALAN, "5001");
        f.center.close();

        try (ContactCenter restarted = f.another()) {
            assertEquals(AgentStatus.UNAVAILABLE, restarted.agent(ALAN).status());
            assertEquals("John", restarted.getContactData(queued.session(), queued.callId(), "Name").string("Value"));
            assertEquals(CallStatus.QUEUED.code(),
                    restarted.queryCallStatus(queued.session(), queued.callId(), 0).returnCode());
            restarted.changeState(ALAN, AgentStatus.AVAILABLE);
            assertEquals("5001", restarted.queryCallStatus(queued.session(), queued.callId(), 0).string("Extension"));
            // a new call keeps getting unique CallIDs
            assertTrue(!restarted.offer(IVR2, "3", "4").equals(queued.callId()));
        }
    }

    @BothDatabases
    void anUnreachableDatabaseGives801AndSystemStatusZero(TestDatabase db) {
        Database database = db.open();
        Fixture f = new Fixture(db);
        ContactCenter center = new ContactCenter(database, f.config, f.clock);
        String s = center.initialize("c", "6060", "6000@localhost", 10_000).string("SessionID");
        database.close();
        assertEquals(ReturnCode.SERVER_UNREACHABLE.code(), center.setCallInfo(s, "1", "2").returnCode());
        Result status = center.querySystemStatus(s);
        assertEquals(0, status.returnCode());
        assertEquals(0, status.integer("OverallStatus"));
        assertTrue(status.string("IndividualServerStates").contains("Database=0"));
        assertEquals(0, center.systemStatus().overall());
    }

    @BothDatabases
    void anExpiredRpcTimeoutGives701(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        String s = f.center.initialize("c", "6060", "6000@localhost", 1500).string("SessionID");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        // the session's RpcTimeout (shorter than gateway.maxWaitMillis) ends the wait
        org.ivrgateway.api.Invocation inv = org.ivrgateway.api.Invocation.of(
                org.ivrgateway.api.IvrFunction.QUERY_CALL_STATUS, s).with("CallID", call.callId()).with("Timeout", 60_000);
        assertEquals(ReturnCode.CALL_INFO_NOT_QUERIED.code(), f.center.invoke(inv).returnCode());
        f.center.queryCallInfo(s, IVR, null);
        assertEquals(ReturnCode.TIMEOUT.code(), f.center.invoke(inv).returnCode());
    }

    @BothDatabases
    void aCorruptRowGives305WithAnIncidentIdAndChangesNothing(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.center.login(ALAN, "5001");
        String s = f.center.initialize("c", "6060", "6000@localhost", Fixture.RPC_TIMEOUT).string("SessionID");
        // A status no AgentStatus has: only a bug or a hand-edited database writes one.
        Database side = db.open();
        side.inTransaction(c -> c.createStatement().executeUpdate("UPDATE agent_state SET status = 99"));

        Result r = f.center.queryAgentStatus(s, ALAN, null);

        assertEquals(ReturnCode.UNKNOWN_ERROR.code(), r.returnCode());
        assertTrue(r.detail().matches("incident [0-9a-f-]{36}"), r.detail());
        assertEquals("", r.string("Device"), "every output is still there, empty");
        int stored = side.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT status FROM agent_state")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(99, stored, "the failed read wrote nothing");
    }

    @BothDatabases
    void aCallQueuedInAQueueTheRestartedConfigLacksGetsStatus4(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script queued = f.monitored(IVR, "1", "2");
        f.center.enqueue(queued.session(), queued.callId(), 1, SALES, 1, null, null);
        f.center.close();
        CenterConfig c = f.config;
        CenterConfig withoutSales = new CenterConfig(c.gateway(), c.adminServerName(), c.platform(), c.multiTenant(),
                c.businessUnits(), c.ivrDevices(), c.agentDevices(),
                c.queues().stream().filter(q -> !q.name().equals(SALES)).toList(),
                c.agents().stream().map(a -> new AgentConfig(a.id(), a.name(),
                        a.queues().stream().filter(q -> !q.equals(SALES)).toList(), a.wrapUpSeconds())).toList(),
                c.transitNumbers(), c.callbacks(), c.routing(), c.statistics());

        try (ContactCenter restarted = new ContactCenter(db.open(), withoutSales, f.clock)) {
            // even a waiting query answers at once: nothing can ever change for this call
            Result r = restarted.queryCallStatus(queued.session(), queued.callId(), 60_000);
            assertEquals(CallStatus.ERROR.code(), r.returnCode());
        }
    }
}
