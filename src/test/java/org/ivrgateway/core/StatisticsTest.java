package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.BETH;
import static org.ivrgateway.core.Fixture.CARL;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.IVR2;
import static org.ivrgateway.core.Fixture.SALES;
import static org.ivrgateway.core.Fixture.SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.stats.Formulas;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * The queue figures of docs/STATISTICS.md, checked against values computed here from the calls each test
 * makes, with the clock moved by the test. The fixture's Support queue (threshold 30 s, no overflow) is served
 * by Carl alone and by Beth, who also serves Sales; Sales (threshold 20 s) overflows after 120 s.
 */
class StatisticsTest {
    private static final int DEFAULT_HANDLE = 180;

    @BothDatabases
    void figuresComeFromTheCallsMade(TestDatabase db) {
        Fixture f = new Fixture(db);
        int threshold = f.config.queue(SUPPORT).orElseThrow().serviceLevelSeconds();
        List<Integer> waits = List.of(5, 15, threshold + 5, threshold + 10, 10);
        List<Integer> talks = List.of(60, 100, 80, 120, 40);
        assertEquals(Formulas.ENOUGH_HANDLED, waits.size(), "enough handled calls for their mean to count");
        for (int i = 0; i < waits.size(); i++) handle(f, SUPPORT, CARL, "5003", waits.get(i), talks.get(i));
        abandonAfter(f, SUPPORT, 7);                 // within the threshold: not counted
        abandonAfter(f, SUPPORT, threshold + 15);    // after it: counted against the service level
        // Carl takes a call at once and talks; then two calls wait, the first beyond the threshold.
        f.available(CARL, "5003");
        Fixture.Script talking = f.monitored(IVR, "1", "1");
        f.center.enqueue(talking.session(), talking.callId(), 1, SUPPORT, 1, null, null);
        f.center.answered(talking.callId());
        Fixture.Script w1 = f.monitored(IVR, "2", "2");
        f.center.enqueue(w1.session(), w1.callId(), 1, SUPPORT, 1, null, null);
        f.advance(threshold + 10);
        Fixture.Script w2 = f.monitored(IVR2, "3", "3");
        f.center.enqueue(w2.session(), w2.callId(), 1, SUPPORT, 1, null, null);
        f.advance(5);

        Result r = statistics(f, SUPPORT);
        assertEquals(2, r.integer("CallsInQueue"));
        assertEquals(threshold + 15, r.integer("OldestCallInQueue"));
        // answered: the five handled calls and Carl's current one (waited 0)
        int waitSum = waits.stream().mapToInt(Integer::intValue).sum();
        assertEquals(Math.round(waitSum / 6.0), r.integer("AverageWait"));
        long within = waits.stream().filter(w -> w <= threshold).count() + 1;
        // divisor: 6 answered + 1 abandoned after the threshold + 1 waiting beyond it
        assertEquals((int) (within * 100 / 8), r.integer("ServiceLevel"));
        // 2 ahead, nobody available, Carl (serving Support only) able to answer: turn 3, H = mean talk
        double handle = talks.stream().mapToInt(Integer::intValue).average().orElseThrow();
        int expected = (int) Math.ceil((3 - 0.5) * handle / 1);
        assertEquals(expected, r.integer("EstimatedWait"));

        Fixture.Script third = f.monitored(IVR2, "4", "4");
        Result enqueued = f.center.enqueue(third.session(), third.callId(), 1, SUPPORT, 1, null, null);
        assertEquals(expected, enqueued.integer("EstimatedWait"), "the same two calls are ahead of it");
        assertEquals(3, enqueued.integer("CallsInQueue"));
        assertEquals(ReturnCode.UNKNOWN_QUEUE.code(), f.center.queryQueueStatistics(f.initialize("6060"), "Nope", null)
                .returnCode());
    }

    @BothDatabases
    void nobodyLoggedOnGivesTheOverflowTimeElseTheMaximum(TestDatabase db) {
        Fixture f = new Fixture(db);
        for (int i = 0; i < 3; i++) enqueue(f, SALES, 1);
        for (int i = 0; i < 3; i++) enqueue(f, SUPPORT, 1);
        int overflow = f.config.queue(SALES).orElseThrow().overflow().afterSeconds();
        int max = f.config.statistics().maxEstimateSeconds();
        assertEquals(overflow, statistics(f, SALES).integer("EstimatedWait"), "three waiting, nobody logged on");
        assertEquals(max, statistics(f, SUPPORT).integer("EstimatedWait"), "Support does not overflow");
        assertEquals(overflow, enqueue(f, SALES, 100).integer("EstimatedWait"));
        // Logged on but unavailable is nobody to answer too.
        f.center.login(CARL, "5003");
        f.center.changeState(CARL, AgentStatus.UNAVAILABLE);
        assertEquals(max, enqueue(f, SUPPORT, 1).integer("EstimatedWait"));
    }

    @BothDatabases
    void anAvailableAgentMakesTheEstimateZero(TestDatabase db) {
        Fixture f = new Fixture(db);
        f.available(CARL, "5003");
        assertEquals(0, statistics(f, SUPPORT).integer("EstimatedWait"));
        assertEquals(0, enqueue(f, SUPPORT, 1).integer("EstimatedWait"));
        // Carl has taken that call; the next one will wait for him.
        int turn = 1;
        assertEquals((int) Math.ceil((turn - 0.5) * DEFAULT_HANDLE), enqueue(f, SUPPORT, 1).integer("EstimatedWait"));
    }

    @BothDatabases
    void enqueueForAnAvailableAgentEstimatesZeroEvenBehindOtherCalls(TestDatabase db) {
        Fixture f = new Fixture(db);
        busy(f, CARL, "5003", SUPPORT);
        enqueue(f, SUPPORT, 1);
        f.available(ALAN, "5001"); // a Sales agent: no Support call goes to him unless reserved for him
        String n = String.valueOf(++calls);
        Fixture.Script call = f.monitored(IVR, n, n);
        Result r = f.center.enqueueForAgent(call.session(), call.callId(), 1, SUPPORT, 1, null, ALAN, 30, null);
        assertEquals(0, r.returnCode(), r.detail());
        assertEquals(0, r.integer("EstimatedWait"), "Alan takes it at once");
        assertEquals(call.callId(), f.center.agent(ALAN).callId());
    }

    @BothDatabases
    void enqueueCountsTheCallsOfHigherOrEqualPriorityAndTheStatisticsAllWaiting(TestDatabase db) {
        Fixture f = new Fixture(db);
        busy(f, CARL, "5003", SUPPORT);
        enqueue(f, SUPPORT, 5);
        enqueue(f, SUPPORT, 1);
        // fewer handled calls than enough: the default handling time; Carl able to answer
        assertEquals((int) Math.ceil((2 - 0.5) * DEFAULT_HANDLE), enqueue(f, SUPPORT, 3).integer("EstimatedWait"),
                "one call (priority 5) ahead of priority 3");
        assertEquals((int) Math.ceil((2 - 0.5) * DEFAULT_HANDLE), enqueue(f, SUPPORT, 5).integer("EstimatedWait"),
                "the earlier priority 5 is ahead of another priority 5; priorities 3 and 1 are not");
        assertEquals((int) Math.ceil((5 - 0.5) * DEFAULT_HANDLE), statistics(f, SUPPORT).integer("EstimatedWait"),
                "all four waiting are ahead of a call entering now");
    }

    @BothDatabases
    void anAgentSharedByTwoQueuesCountsForHalf(TestDatabase db) {
        Fixture f = new Fixture(db);
        busy(f, BETH, "5002", SALES); // Beth serves Sales and Support; Carl is logged off
        enqueue(f, SUPPORT, 1);
        assertEquals((int) Math.ceil((2 - 0.5) * DEFAULT_HANDLE / 0.5), statistics(f, SUPPORT).integer("EstimatedWait"));
        f.available(CARL, "5003"); // Carl takes the waiting call
        busyWith(f, CARL, SUPPORT);
        enqueue(f, SUPPORT, 1);
        assertEquals((int) Math.ceil((2 - 0.5) * DEFAULT_HANDLE / 1.5), statistics(f, SUPPORT).integer("EstimatedWait"));
    }

    @BothDatabases
    void theHandlingTimeIncludesTheAgentsWrapUp(TestDatabase db) {
        Fixture f = new Fixture(db);
        int talk = 50;
        int wrapUp = f.config.agent(BETH).orElseThrow().wrapUpSeconds();
        for (int i = 0; i < Formulas.ENOUGH_HANDLED; i++) handle(f, SUPPORT, BETH, "5002", 1, talk);
        busy(f, BETH, "5002", SALES);
        enqueue(f, SUPPORT, 1);
        // Beth, shared with Sales, counts 0.5; one call ahead: turn 2
        assertEquals((int) Math.ceil((2 - 0.5) * (talk + wrapUp) / 0.5), statistics(f, SUPPORT).integer("EstimatedWait"));
    }

    @BothDatabases
    void callersWaitingBeyondTheThresholdWithNobodyToAnswerBringTheServiceLevelDown(TestDatabase db) {
        Fixture f = new Fixture(db);
        int threshold = f.config.queue(SALES).orElseThrow().serviceLevelSeconds();
        Fixture.Script a = enqueueScript(f, SALES);
        Fixture.Script b = enqueueScript(f, SALES);
        assertEquals(100, statistics(f, SALES).integer("ServiceLevel"), "nobody has waited beyond it yet");
        f.advance(threshold + 1);
        assertEquals(0, statistics(f, SALES).integer("ServiceLevel"), "two callers beyond the threshold");
        f.center.cleared(a.callId());
        f.center.cleared(b.callId());
        assertEquals(0, statistics(f, SALES).integer("ServiceLevel"), "both abandoned after the threshold");
        // one answered within the threshold: 1 of 3
        f.available(ALAN, "5001");
        Fixture.Script c = enqueueScript(f, SALES);
        f.center.answered(c.callId());
        assertEquals(100 / 3, statistics(f, SALES).integer("ServiceLevel"));
        // an abandon within the threshold does not count (Alan is talking with c)
        abandonAfter(f, SALES, threshold - 1);
        assertEquals(100 / 3, statistics(f, SALES).integer("ServiceLevel"));
    }

    @BothDatabases
    void historyOutsideTheWindowIsNotCounted(TestDatabase db) {
        Fixture f = new Fixture(db);
        int threshold = f.config.queue(SALES).orElseThrow().serviceLevelSeconds();
        handle(f, SALES, ALAN, "5001", threshold + 3, 10);
        assertEquals(0, statistics(f, SALES).integer("ServiceLevel"));
        f.advance(f.config.statistics().windowMinutes() * 60 + 60);
        Result r = statistics(f, SALES);
        assertEquals(0, r.integer("AverageWait"));
        assertEquals(100, r.integer("ServiceLevel"));
    }

    @BothDatabases
    void enqueueReportsTheCallsInQueue(TestDatabase db) {
        Fixture f = new Fixture(db);
        assertEquals(1, enqueue(f, SALES, 1).integer("CallsInQueue"));
        Result second = enqueue(f, SALES, 1);
        assertEquals(2, second.integer("CallsInQueue"));
        assertEquals(statistics(f, SALES).integer("CallsInQueue"), second.integer("CallsInQueue"));
    }

    private static Result statistics(Fixture f, String queue) {
        Result r = f.center.queryQueueStatistics(f.initialize("6060"), queue, null);
        assertEquals(0, r.returnCode(), r.detail());
        return r;
    }

    private static int calls;

    private static Fixture.Script enqueueScript(Fixture f, String queue) {
        String n = String.valueOf(++calls);
        Fixture.Script call = f.monitored(calls % 2 == 0 ? IVR : IVR2, n, n);
        Result r = f.center.enqueue(call.session(), call.callId(), 1, queue, 1, null, null);
        assertEquals(0, r.returnCode(), r.detail());
        return call;
    }

    private static Result enqueue(Fixture f, String queue, int priority) {
        String n = String.valueOf(++calls);
        Fixture.Script call = f.monitored(calls % 2 == 0 ? IVR : IVR2, n, n);
        Result r = f.center.enqueue(call.session(), call.callId(), 1, queue, priority, null, null);
        assertEquals(0, r.returnCode(), r.detail());
        return r;
    }

    /** The agent logs on and talks on a call of {@code queue} that it took at once. */
    private static void busy(Fixture f, String agent, String device, String queue) {
        f.available(agent, device);
        busyWith(f, agent, queue);
    }

    /** The agent answers the call it was just handed, or takes a new one of {@code queue} at once. */
    private static void busyWith(Fixture f, String agent, String queue) {
        String ringing = f.center.agent(agent).callId();
        if (ringing == null) {
            enqueueScript(f, queue);
            ringing = f.center.agent(agent).callId();
        }
        f.center.answered(ringing);
        assertEquals(AgentStatus.TALKING, f.center.agent(agent).status());
    }

    /** A call waits {@code seconds} in the queue, nobody taking it, then the caller hangs up. */
    private static void abandonAfter(Fixture f, String queue, int seconds) {
        Fixture.Script call = enqueueScript(f, queue);
        f.advance(seconds);
        f.center.cleared(call.callId());
    }

    /** One call: queued, handed to the agent after {@code wait} s, talked {@code talk} s, cleared. */
    private static void handle(Fixture f, String queue, String agent, String device, int wait, int talk) {
        Fixture.Script call = enqueueScript(f, queue);
        f.advance(wait);
        f.available(agent, device);
        f.center.answered(call.callId());
        f.advance(talk);
        f.center.cleared(call.callId());
        f.center.logout(agent);
    }
}
