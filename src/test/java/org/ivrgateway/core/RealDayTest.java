package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.BETH;
import static org.ivrgateway.core.Fixture.CARL;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.IVR2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** What an ordinary day in a contact center showed wrong: nothing stuck, no caller mistaken for another. */
class RealDayTest {
    private static final String SALES = "Sales";
    private static final String SUPPORT = "Support";

    static CenterConfig config() throws IOException {
        String name = "centers/real-day-center.yaml";
        try (var in = RealDayTest.class.getClassLoader().getResourceAsStream(name)) {
            return ConfigLoader.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BothDatabases
    void sessionsOfManyChannelsOnOneLocalPortNeverEndEachOther(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        List<Callable<String>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) starts.add(() -> f.initialize("6060"));
        List<String> sessions = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> s : pool.invokeAll(starts)) sessions.add(s.get());
        }
        assertEquals(8, sessions.stream().distinct().count());
        for (String s : sessions) assertEquals(0, f.center.querySystemStatus(s).returnCode(), s);
    }

    @BothDatabases
    void twoCallersWithTheSameWithheldNumberAreTwoCallsWithTheirOwnData(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script first = f.monitored(IVR, "anonymous", "69030");
        assertEquals(0, f.center.setContactData(first.session(), first.callId(), "PIN", "4711").returnCode());
        f.center.enqueue(first.session(), first.callId(), 0, SALES, 1, null, null);
        f.center.arrived("7000", null, first.callId());
        // the second caller, same withheld number and line, reaches the other IVR port
        Fixture.Script second = f.monitored(IVR2, "anonymous", "69030");
        assertNotEquals(first.callId(), second.callId());
        Result info = f.center.queryCallInfo(second.session(), IVR2, null);
        assertEquals(0, info.integer("FMNQ"));
        assertEquals(1, info.integer("Visits"));
        assertEquals("", f.center.getContactData(second.session(), second.callId(), "PIN").string("Value"));
    }

    @BothDatabases
    void anArrivalAtAPilotNamesItsCallOrIsRefusedWhenAmbiguous(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script a = f.monitored(IVR, "4165550100", "69030", "sip-a");
        Fixture.Script b = f.monitored(IVR2, "4165550101", "69030", "sip-b");
        f.center.enqueue(a.session(), a.callId(), 0, SALES, 1, null, null);
        f.center.enqueue(b.session(), b.callId(), 0, SALES, 1, null, null);
        IvrException ambiguous = assertThrows(IvrException.class, () -> f.center.arrived("7000"));
        assertEquals(ReturnCode.OPERATION_FAILED, ambiguous.code());
        assertEquals(b.callId(), f.center.arrived("7000", "sip-b", null));
        // one call left expected there: the arrival that names none is that one
        assertEquals(a.callId(), f.center.arrived("7000"));
        IvrException unknown = assertThrows(IvrException.class, () -> f.center.arrived("7000", "sip-z", null));
        assertEquals(ReturnCode.NO_CALL, unknown.code());
    }

    @BothDatabases
    void aCallNobodyAnswersGoesBackToItsPlaceAndTheAgentBecomesUnavailable(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script first = f.monitored(IVR, "4165550100", "69030");
        f.center.enqueue(first.session(), first.callId(), 1, SALES, 1, null, null);
        f.advance(5);
        Fixture.Script later = f.monitored(IVR2, "4165550101", "69030");
        f.center.enqueue(later.session(), later.callId(), 1, SALES, 1, null, null);
        f.available(ALAN, "5001");
        assertEquals(CallStatus.WAITING.code(), f.center.queryCallStatus(first.session(), first.callId(), 0).returnCode());
        assertEquals(AgentStatus.RINGING, f.center.agent(ALAN).status());

        f.advance(14);
        f.center.runTimers();
        assertEquals(AgentStatus.RINGING, f.center.agent(ALAN).status(), "rings for ringNoAnswerSeconds = 15");
        f.advance(1);
        f.center.runTimers();

        Result back = f.center.queryCallStatus(first.session(), first.callId(), 0);
        assertEquals(CallStatus.QUEUED.code(), back.returnCode());
        assertEquals(1, back.integer("PositionInQueue"), "back at the place its entry time gives it");
        assertEquals(2, f.center.queryCallStatus(later.session(), later.callId(), 0).integer("PositionInQueue"));
        assertEquals(AgentStatus.UNAVAILABLE, f.center.agent(ALAN).status());
        assertEquals(Router.RING_NO_ANSWER, f.center.agent(ALAN).reason());
        assertNull(f.center.agent(ALAN).callId());
        // the next agent gets it; making oneself available clears the reason
        f.available(BETH, "5002");
        assertEquals(first.callId(), f.center.agent(BETH).callId());
        assertNull(f.center.changeState(ALAN, AgentStatus.AVAILABLE).reason());
    }

    @BothDatabases
    void aQueueWithoutRingNoAnswerLetsTheCallRing(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        f.center.enqueue(call.session(), call.callId(), 1, "Patient", 1, null, null);
        f.available(ALAN, "5001");
        f.advance(590); // within the session's idle time
        f.center.runTimers();
        assertEquals(AgentStatus.RINGING, f.center.agent(ALAN).status());
        assertEquals(CallStatus.WAITING.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
    }

    @BothDatabases
    void dequeueOfACallTheAgentAnsweredIs914AndChangesNothing(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.center.answered(call.callId());
        assertEquals(AgentStatus.TALKING, f.center.agent(ALAN).status());
        assertEquals(ReturnCode.OPERATION_FAILED.code(), f.center.dequeue(call.session(), call.callId()).returnCode());
        assertEquals(AgentStatus.TALKING, f.center.agent(ALAN).status());
        assertEquals(call.callId(), f.center.agent(ALAN).callId());
        f.center.cleared(call.callId());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
    }

    @BothDatabases
    void anOverflowToAnotherQueuesPilotPutsTheCallIntoThatQueue(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030", "sip-overflow");
        f.center.setContactData(call.session(), call.callId(), "Account", "12-345");
        f.center.enqueue(call.session(), call.callId(), 0, SALES, 7, null, null);
        f.center.arrived("7000", "sip-overflow", null);
        f.advance(121);
        f.center.runTimers();
        Result overflowed = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.NO_ANSWER.code(), overflowed.returnCode());
        assertEquals("7001", overflowed.string("Extension"));

        assertEquals(call.callId(), f.center.arrived("7001", "sip-overflow", null));
        Result inSupport = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.QUEUED.code(), inSupport.returnCode());
        assertEquals(SUPPORT, f.center.calls().getFirst().queue());
        f.available(CARL, "5003");
        assertEquals(call.callId(), f.center.agent(CARL).callId());
        assertEquals("12-345", f.center.getContactData(call.session(), call.callId(), "Account").string("Value"));
    }

    @BothDatabases
    void aTransferToAnotherQueuesPilotPutsTheCallIntoThatQueueOnArrival(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        assertEquals(0, f.center.transfer(call.session(), call.callId(), "7001").returnCode());
        assertEquals(call.callId(), f.center.arrived("7001"));
        assertEquals(SUPPORT, f.center.calls().getFirst().queue());
        assertEquals(CallStatus.QUEUED.code(), f.center.calls().getFirst().status());
    }

    @BothDatabases
    void aWaitingCallsPriorityAgesOnePerPriorityAgeSeconds(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        Fixture.Script old = f.monitored(IVR, "4165550100", "69030");
        assertEquals(0, f.center.enqueue(old.session(), old.callId(), 1, "Aging", 1, null, null).returnCode());
        f.advance(60);
        f.center.runTimers();
        Fixture.Script vip = f.monitored(IVR2, "4165550101", "69030");
        assertEquals(0, f.center.enqueue(vip.session(), vip.callId(), 1, "Aging", 6, null, null).returnCode());
        // 60 s waited at one step per 10 s: priority 1 + 6 = 7, ahead of a newcomer's 6
        Result oldStatus = f.center.queryCallStatus(old.session(), old.callId(), 0);
        assertEquals(CallStatus.QUEUED.code(), oldStatus.returnCode(), oldStatus.detail());
        assertEquals(1, f.center.queryCallStatus(old.session(), old.callId(), 0).integer("PositionInQueue"));
        assertEquals(2, f.center.queryCallStatus(vip.session(), vip.callId(), 0).integer("PositionInQueue"));
        assertEquals(7, f.center.calls().stream().filter(c -> c.callId().equals(old.callId())).findFirst()
                .orElseThrow().priority());
        f.available(CARL, "5003");
        assertEquals(old.callId(), f.center.agent(CARL).callId());
    }

    @BothDatabases
    void anUnmonitoredCallHasNoVisitOfAMonitoredIvr(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, config());
        String session = f.initialize("6060");
        f.center.setCallInfo(session, "4165550100", "69030");
        assertEquals(0, f.center.queryCallInfo(session, "6060", "1").integer("Visits"));
    }
}
