package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.BETH;
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
import org.ivrgateway.store.TestDatabase;

class QueueRoutingTest {

    @BothDatabases
    void queuedCallGoesToAnAgentWhoBecomesAvailable(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "9055557900", "69030");
        Result q = f.center.enqueue(call.session(), call.callId(), 1, SALES, 12, "Call enqueued from IVR", null);
        assertEquals(0, q.returnCode(), q.detail());
        assertEquals(1, q.integer("CallsInQueue"));
        Result st = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.QUEUED.code(), st.returnCode());
        assertEquals(1, st.integer("PositionInQueue"));

        f.available(ALAN, "5001");
        Result now = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.WAITING.code(), now.returnCode());
        assertEquals("5001", now.string("Extension"));
        assertEquals(AgentStatus.RINGING, f.center.agent(ALAN).status());
    }

    @BothDatabases
    void enqueueOfUnknownQueueGives905(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(),
                f.center.enqueue(call.session(), call.callId(), 1, "Nope", 1, null, null).returnCode());
    }

    @BothDatabases
    void callsWaitInPriorityThenArrivalOrder(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script first = f.monitored(IVR, "1", "2");
        f.center.enqueue(first.session(), first.callId(), 1, SALES, 5, null, null);
        f.advance(1);
        Fixture.Script urgent = f.monitored(IVR2, "3", "4");
        f.center.enqueue(urgent.session(), urgent.callId(), 1, SALES, 50, null, null);
        assertEquals(1, f.center.queryCallStatus(urgent.session(), urgent.callId(), 0).integer("PositionInQueue"));
        assertEquals(2, f.center.queryCallStatus(first.session(), first.callId(), 0).integer("PositionInQueue"));

        f.available(ALAN, "5001");
        assertEquals(CallStatus.WAITING.code(), f.center.queryCallStatus(urgent.session(), urgent.callId(), 0).returnCode());
        assertEquals(CallStatus.QUEUED.code(), f.center.queryCallStatus(first.session(), first.callId(), 0).returnCode());
        assertTrue(f.center.queryCallStatus(first.session(), first.callId(), 0).integer("PositionInQueue") == 1);
    }

    @BothDatabases
    void aWaitingCallGoesToTheLongestIdleAgent(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(BETH, "5002");
        f.advance(5);
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        Result st = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.WAITING.code(), st.returnCode());
        assertEquals("5002", st.string("Extension"));
    }

    @BothDatabases
    void querySystemStatusReportsComponents(TestDatabase db) {
        Fixture f = new Fixture(db);
        String s = f.initialize("6060");
        Result r = f.center.querySystemStatus(s);
        assertEquals(0, r.returnCode());
        assertEquals(1, r.integer("OverallStatus"));
        String states = r.string("IndividualServerStates");
        assertEquals(states.split(";").length, r.integer("Entries"));
        assertTrue(states.contains("RoutingServer=1"), states);
        // The built-in telephony without telephony.heartbeatSeconds has no connection to lose (SystemStatusTest).
        assertTrue(states.contains("TServer=8"), states);
    }

    @BothDatabases
    void enqueueOfACallTalkingWithAnAgentGives914(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.center.answered(call.callId());
        assertEquals(AgentStatus.TALKING, f.center.agent(ALAN).status());

        Result again = f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        Result forAgent = f.center.enqueueForAgent(call.session(), call.callId(), 1, SALES, 1, null, BETH, 30, null);

        assertEquals(ReturnCode.OPERATION_FAILED.code(), again.returnCode());
        assertEquals(ReturnCode.OPERATION_FAILED.code(), forAgent.returnCode());
        assertEquals(AgentStatus.TALKING, f.center.agent(ALAN).status(), "the call stays with its agent");
        assertEquals(CallStatus.WAITING.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
    }

    @BothDatabases
    void enqueueForAgentChecksItsCallQueueAndParametersAsEnqueueDoes(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(),
                f.center.enqueueForAgent(call.session(), call.callId(), 1, "NoSuchQueue", 1, null, ALAN, 30, null).returnCode());
        assertEquals(ReturnCode.INVALID_PARAMETER.code(),
                f.center.enqueueForAgent(call.session(), call.callId(), 1, SALES, 0, null, ALAN, 30, null).returnCode());
        assertEquals(ReturnCode.INVALID_PARAMETER.code(),
                f.center.enqueueForAgent(call.session(), call.callId(), 1, SALES, 1, null, ALAN, 0, null).returnCode());
        assertEquals(ReturnCode.NO_CALL.code(),
                f.center.enqueueForAgent(call.session(), "999999", 1, SALES, 1, null, ALAN, 30, null).returnCode());
        assertEquals(CallStatus.IDLE.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode(),
                "no failed attempt queued the call");
    }
}
