package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.IVR2;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class StatisticsTest {

    @BothDatabases
    void figuresComeFromTheCallsMade(TestDatabase db) {
        Fixture f = new Fixture(db);
        int sl = f.config.queue(SALES).orElseThrow().serviceLevelSeconds();
        // call 1 waits within the service level, call 2 beyond it; each is talked for a while
        int wait1 = sl - 5, talk1 = 40, wait2 = sl + 10, talk2 = 100;
        handle(f, IVR, wait1, talk1);
        handle(f, IVR2, wait2, talk2);
        // a third call abandons after 7 s
        Fixture.Script abandoned = f.monitored(IVR, "3", "3");
        f.center.enqueue(abandoned.session(), abandoned.callId(), 1, SALES, 1, null, null);
        f.advance(7);
        f.center.cleared(abandoned.callId());
        // two calls waiting now, the oldest for 12 s; Alan (the only Sales agent on) is busy
        f.center.login(ALAN, "5001");
        Fixture.Script w1 = f.monitored(IVR, "4", "4");
        f.center.enqueue(w1.session(), w1.callId(), 1, SALES, 1, null, null);
        f.advance(12);
        Fixture.Script w2 = f.monitored(IVR2, "5", "5");
        f.center.enqueue(w2.session(), w2.callId(), 1, SALES, 1, null, null);
        f.center.changeState(ALAN, org.ivrgateway.api.AgentStatus.WORK);

        String s = f.initialize("6060");
        Result r = f.center.queryQueueStatistics(s, SALES, null);
        assertEquals(0, r.returnCode(), r.detail());
        assertEquals(2, r.integer("CallsInQueue"));
        assertEquals(12, r.integer("OldestCallInQueue"));
        assertEquals(Math.round((wait1 + wait2) / 2.0), r.integer("AverageWait"));
        // answered within SL: 1 of 3 ended stays (2 answered, 1 abandoned)
        assertEquals(100 / 3, r.integer("ServiceLevel"));
        // 2 waiting, 0 available, 1 staffed (Alan in WORK), mean handling (talk1 + talk2) / 2
        int expected = (int) Math.ceil((2 - 0 + 1) * ((talk1 + talk2) / 2.0) / 1);
        assertEquals(expected, r.integer("EstimatedWait"));
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(), f.center.queryQueueStatistics(s, "Nope", null).returnCode());
    }

    @BothDatabases
    void historyOutsideTheWindowIsNotCounted(TestDatabase db) {
        Fixture f = new Fixture(db);
        handle(f, IVR, 3, 10);
        f.advance(f.config.statistics().windowMinutes() * 60 + 60);
        String s = f.initialize("6060");
        Result r = f.center.queryQueueStatistics(s, SALES, null);
        assertEquals(0, r.integer("AverageWait"));
        assertEquals(100, r.integer("ServiceLevel"));
    }

    @BothDatabases
    void enqueueReportsTheEstimateAndTheCallsInQueue(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script first = f.monitored(IVR, "1", "1");
        Result r1 = f.center.enqueue(first.session(), first.callId(), 1, SALES, 1, null, null);
        assertEquals(1, r1.integer("CallsInQueue"));
        Fixture.Script second = f.monitored(IVR2, "2", "2");
        Result r2 = f.center.enqueue(second.session(), second.callId(), 1, SALES, 1, null, null);
        assertEquals(2, r2.integer("CallsInQueue"));
        String s = f.initialize("6060");
        assertEquals(f.center.queryQueueStatistics(s, SALES, null).integer("CallsInQueue"), r2.integer("CallsInQueue"));
    }

    /** One call: queued at {@code device}, handed to Alan after {@code wait} s, talked {@code talk} s. */
    private static void handle(Fixture f, String device, int wait, int talk) {
        Fixture.Script call = f.monitored(device, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        f.advance(wait);
        f.available(ALAN, "5001");
        f.center.answered(call.callId());
        f.advance(talk);
        f.center.cleared(call.callId());
        f.center.logout(ALAN);
    }
}
