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
}
