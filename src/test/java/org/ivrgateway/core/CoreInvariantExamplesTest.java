package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Views;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** The smallest days on which CoreInvariantsTest found an invariant broken, kept as plain examples. */
class CoreInvariantExamplesTest {

    /**
     * A sweep that comes late (the clock is past both the ring-no-answer and the overflow time of a call):
     * the call goes back to its queue and overflows in the same sweep, so that the views and QueryCallStatus
     * agree and no timer is left due. Found with seed 3068819483960059297.
     */
    @BothDatabases
    void aCallBackFromRingNoAnswerPastItsOverflowTimeOverflowsInTheSameSweep(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db, RealDayTest.config()); // Sales: ring no answer 15 s, overflow 120 s to 7001
        f.available(ALAN, "5001");
        Fixture.Script call = f.monitored(IVR, "4165550100", "69030");
        f.center.enqueue(call.session(), call.callId(), 1, "Sales", 1, null, null);
        assertEquals(AgentStatus.RINGING, f.center.agent(ALAN).status());

        f.advance(121);
        f.center.runTimers();

        Views.Call seen = f.center.calls().getFirst();
        assertEquals(CallStatus.NO_ANSWER.code(), seen.status(), "overflowed in the sweep that took it back");
        assertEquals("7001", seen.extension());
        assertEquals(0, f.center.queues().stream().filter(q -> q.name().equals("Sales")).findFirst().orElseThrow()
                .callsWaiting());
        assertEquals(CallStatus.NO_ANSWER.code(), f.center.queryCallStatus(call.session(), call.callId(), 0).returnCode());
        assertEquals(AgentStatus.UNAVAILABLE, f.center.agent(ALAN).status());
    }
}
