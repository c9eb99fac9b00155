package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.BETH;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class TimersAndReservationsTest {

    @BothDatabases
    void enqueueForAgentReservesTheCallUntilAgentWaitTimeThenItJoinsTheQueue(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(BETH, "5002");
        f.center.login(ALAN, "5001"); // logged on, not available
        Fixture.Script call = f.monitored(IVR, "1", "2");
        int wait = 30;
        Result r = f.center.enqueueForAgent(call.session(), call.callId(), 1, SALES, 1, "reserved", ALAN, wait, null);
        assertEquals(0, r.returnCode(), r.detail());
        // Beth is free but the call waits for Alan
        assertEquals(CallStatus.QUEUED.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        f.advance(wait - 1);
        f.center.runTimers();
        assertEquals(CallStatus.QUEUED.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        f.advance(1);
        f.center.runTimers();
        Result st = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.WAITING.code(), st.returnCode());
        assertEquals("5002", st.string("Extension"));
    }

    @BothDatabases
    void theReservedAgentTakesTheCallWhenAvailable(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(BETH, "5002");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueueForAgent(call.session(), call.callId(), 1, SALES, 1, null, ALAN, 60, null);
        f.available(ALAN, "5001");
        assertEquals("5001", f.center.queryCallStatus(call.session(), call.callId(), 0).string("Extension"));
    }

    @BothDatabases
    void enqueueForUnknownAgentGives904(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(ReturnCode.UNKNOWN_AGENT.code(), f.center.enqueueForAgent(call.session(), call.callId(), 1, SALES,
                1, null, "999", 60, null).returnCode());
    }

    @BothDatabases
    void pastTheOverflowTimeTheCallGetsNoAnswerAndTheOverflowDestination(TestDatabase db) {
        Fixture f = new Fixture(db);
        QueueConfig.Overflow overflow = f.config.queue(SALES).orElseThrow().overflow();
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.advance(overflow.afterSeconds() - 1);
        assertEquals(CallStatus.QUEUED.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        f.advance(1);
        // no sweeper ran: the status read fires the due timer itself
        Result st = f.center.queryCallStatus(call.session(), call.callId(), 0);
        assertEquals(CallStatus.NO_ANSWER.code(), st.returnCode());
        assertEquals(overflow.destination(), st.string("Extension"));
        // an agent becoming available no longer takes it
        f.available(ALAN, "5001");
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
    }

    @BothDatabases
    void afterACallTheAgentWrapsUpThenIsAvailable(TestDatabase db) {
        Fixture f = new Fixture(db);
        int wrapUp = f.config.agent(BETH).orElseThrow().wrapUpSeconds();
        f.available(BETH, "5002");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        assertEquals(AgentStatus.RINGING, f.center.agent(BETH).status());
        f.center.answered(call.callId());
        assertEquals(AgentStatus.TALKING, f.center.agent(BETH).status());
        f.center.cleared(call.callId());
        assertEquals(AgentStatus.WORK, f.center.agent(BETH).status());
        f.advance(wrapUp);
        f.center.runTimers();
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(BETH).status());
    }

    @BothDatabases
    void anAgentWithoutWrapUpIsAvailableRightAfterTheCall(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.center.answered(call.callId());
        f.center.cleared(call.callId());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
        assertEquals(CallStatus.DISCONNECT.code(),
                f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
    }

    @BothDatabases
    void aNonTransferableCallIsNotMatchedUntilTheFlagIsOneAgain(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        assertEquals(0, f.center.setCallTransferable(call.session(), call.callId(), 0).returnCode());
        assertEquals(0, f.center.getCallTransferable(call.session(), call.callId()).integer("FlagValue"));
        f.available(ALAN, "5001");
        assertEquals(CallStatus.QUEUED.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        assertEquals(0, f.center.setCallTransferable(call.session(), call.callId(), 1).returnCode());
        assertEquals(CallStatus.WAITING.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        // being transferred: it can no longer be made non-transferable
        assertEquals(ReturnCode.OPERATION_FAILED.code(),
                f.center.setCallTransferable(call.session(), call.callId(), 0).returnCode());
    }

    @BothDatabases
    void reEnqueueResetsTransferableToOne(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.center.setCallTransferable(call.session(), call.callId(), 0);
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 2, null, null);
        assertEquals(1, f.center.getCallTransferable(call.session(), call.callId()).integer("FlagValue"));
    }

    @BothDatabases
    void aQueuedCallComingBackToTheIvrIsAnFmnqSituation(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "9055557900", "69030", "sip-call-1");
        f.center.enqueue(call.session(), call.callId(), 0, SALES, 1, null, null);
        String pilot = f.config.queue(SALES).orElseThrow().pilot();
        assertEquals(call.callId(), f.center.arrived(pilot));
        // the switch plays it to another IVR port while it keeps its place in the queue
        assertEquals(call.callId(), f.center.offer(Fixture.IVR2, "9055557900", "69030", "sip-call-1"));
        String session = f.initialize(Fixture.portOf(Fixture.IVR2));
        Result info = f.center.queryCallInfo(session, Fixture.IVR2, null);
        assertEquals(call.callId(), info.string("CallID"));
        assertEquals(1, info.integer("FMNQ"));
        assertEquals(2, info.integer("Visits"));
    }

    @BothDatabases
    void anFmnqCallAtTheIvrIsRedirectedToItsAgentByTheContactCenter(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "9055557900", "69030", "sip-call-1");
        f.center.enqueue(call.session(), call.callId(), 0, SALES, 1, null, null);
        f.center.arrived(f.config.queue(SALES).orElseThrow().pilot());
        f.center.offer(Fixture.IVR2, "9055557900", "69030", "sip-call-1"); // back at an IVR port, still queued: FMNQ
        f.available(ALAN, "5001");
        var redirect = f.center.pendingEvents().stream().filter(e -> e.type().equals("REDIRECT")).toList();
        assertEquals(1, redirect.size(), "the IVR does not transfer an FMNQ call; the contact center must");
        assertEquals(call.callId(), redirect.getFirst().callId());
        assertEquals("5001", redirect.getFirst().destination());
    }

    @BothDatabases
    void aQueueHeldCallIsRedirectedToItsAgentOnceItArrivesAtThePilot(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 0, SALES, 1, null, null);
        f.available(ALAN, "5001");
        org.junit.jupiter.api.Assertions.assertTrue(f.center.pendingEvents().stream().noneMatch(e -> e.type().equals("REDIRECT")));
        f.center.arrived(f.config.queue(SALES).orElseThrow().pilot());
        var redirect = f.center.pendingEvents().stream().filter(e -> e.type().equals("REDIRECT")).findFirst().orElseThrow();
        assertEquals(call.callId(), redirect.callId());
        assertEquals("5001", redirect.destination());
        f.center.acknowledge(redirect.id());
        assertEquals(0, f.center.pendingEvents().stream().filter(e -> e.id() == redirect.id()).count());
    }

    @BothDatabases
    void dequeueTakesTheCallOutAndFreesItsAgent(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        assertEquals(0, f.center.dequeue(call.session(), call.callId()).returnCode());
        assertEquals(CallStatus.IDLE.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.available(ALAN, "5001");
        assertEquals(AgentStatus.RINGING, f.center.agent(ALAN).status());
        f.center.dequeue(call.session(), call.callId());
        assertEquals(AgentStatus.AVAILABLE, f.center.agent(ALAN).status());
    }

    @BothDatabases
    void aBadEnqueueLeavesTheQueuedCallUnchanged(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 7, "first", null);
        var before = f.center.calls().get(0);
        assertEquals(ReturnCode.INVALID_PARAMETER.code(),
                f.center.enqueue(call.session(), call.callId(), 1, Fixture.SUPPORT, 101, "second", null).returnCode());
        assertEquals(ReturnCode.INVALID_PARAMETER.code(),
                f.center.enqueue(call.session(), call.callId(), 1, Fixture.SUPPORT, 5, "second", "no-semicolon").returnCode());
        String longAni = "1".repeat(IvrFunction.QUERY_CALL_INFO.parameter("originalANI").orElseThrow().maxLength() + 1);
        assertEquals(ReturnCode.INVALID_PARAMETER.code(),
                f.center.enqueue(call.session(), call.callId(), 1, Fixture.SUPPORT, 5, "second", longAni + ";2").returnCode());
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(),
                f.center.enqueue(call.session(), call.callId(), 1, "Nope", 5, "second", null).returnCode());
        assertEquals(before, f.center.calls().get(0));
    }
}
