package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.BETH;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class AgentDeskTest {

    @BothDatabases
    void agentsLogOnChangeStateAndLogOff(TestDatabase db) {
        Fixture f = new Fixture(db);
        assertEquals(AgentStatus.LOGGED_OFF, f.center.agent(ALAN).status());
        assertEquals(AgentStatus.UNAVAILABLE, f.center.login(ALAN, "5001").status());
        assertEquals(AgentStatus.AVAILABLE, f.center.changeState(ALAN, AgentStatus.AVAILABLE).status());
        assertEquals(AgentStatus.WORK, f.center.changeState(ALAN, AgentStatus.WORK).status());
        assertEquals(AgentStatus.LOGGED_OFF, f.center.logout(ALAN).status());
    }

    @BothDatabases
    void loginChecksAgentDeviceAndUse(TestDatabase db) {
        Fixture f = new Fixture(db);
        assertEquals(ReturnCode.UNKNOWN_AGENT, code(() -> f.center.login("nobody", "5001")));
        assertEquals(ReturnCode.UNKNOWN_DEVICE, code(() -> f.center.login(ALAN, "9999")));
        f.center.login(ALAN, "5001");
        assertEquals(ReturnCode.OPERATION_FAILED, code(() -> f.center.login(BETH, "5001")));
        assertEquals(ReturnCode.OPERATION_FAILED, code(() -> f.center.login(ALAN, "5002")));
        assertEquals(ReturnCode.OPERATION_FAILED, code(() -> f.center.changeState(BETH, AgentStatus.AVAILABLE)));
    }

    @BothDatabases
    void aRingingAgentCanAlwaysChangeStateAndTheCallGoesBackToItsQueue(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        assertEquals(call.callId(), f.center.agent(ALAN).callId());
        assertEquals(AgentStatus.UNAVAILABLE, f.center.changeState(ALAN, AgentStatus.UNAVAILABLE).status());
        assertNull(f.center.agent(ALAN).callId());
        Result status = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.QUEUED.code(), status.returnCode());
        assertEquals(1, status.integer("PositionInQueue"));
    }

    @BothDatabases
    void aRingingOrTalkingAgentCanAlwaysLogOff(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(ALAN, "5001");
        Fixture.Script ringing = f.monitored(IVR, "1", "2");
        f.center.enqueue(ringing.session(), ringing.callId(), 1, SALES, 1, null, null);
        assertEquals(AgentStatus.LOGGED_OFF, f.center.logout(ALAN).status());
        assertEquals(CallStatus.QUEUED.code(), f.center.queryCallStatus(ringing.session(), ringing.callId(), 0).returnCode());
        // the call that was ringing goes to the next agent; that agent answers, then logs off while talking
        f.available(BETH, "5002");
        assertEquals(ringing.callId(), f.center.agent(BETH).callId());
        f.center.answered(ringing.callId());
        assertEquals(AgentStatus.TALKING, f.center.agent(BETH).status());
        assertEquals(AgentStatus.LOGGED_OFF, f.center.logout(BETH).status());
        f.center.cleared(ringing.callId());
        assertEquals(AgentStatus.LOGGED_OFF, f.center.agent(BETH).status());
    }

    @BothDatabases
    void queryAgentStatusByAgentOrDevice(TestDatabase db) {
        Fixture f = new Fixture(db);
        String s = f.initialize("6060");
        f.available(ALAN, "5001");
        Result byAgent = f.center.queryAgentStatus(s, ALAN, null);
        assertEquals(0, byAgent.returnCode());
        assertEquals("5001", byAgent.string("Device"));
        assertEquals(AgentStatus.AVAILABLE.code(), byAgent.integer("AgentStatus"));
        Result byDevice = f.center.queryAgentStatus(s, null, "5001");
        assertEquals(ALAN, byDevice.string("AgentID"));
        assertEquals(AgentStatus.LOGGED_OFF.code(), f.center.queryAgentStatus(s, BETH, null).integer("AgentStatus"));
        assertEquals(ReturnCode.UNKNOWN_AGENT.code(), f.center.queryAgentStatus(s, "nobody", null).returnCode());
        assertEquals(ReturnCode.UNKNOWN_DEVICE.code(), f.center.queryAgentStatus(s, null, "9999").returnCode());
        assertEquals(ReturnCode.INVALID_PARAMETER.code(), f.center.queryAgentStatus(s, null, null).returnCode());
    }

    private static ReturnCode code(Runnable action) {
        return assertThrows(IvrException.class, action::run).code();
    }
}
