package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class CallStatusWaitTest {
    /** Long enough that only a wake-up (not the end of the wait) can answer first; bounded by the test. */
    private static final int LONG_WAIT = 60_000;

    @BothDatabases
    void aWaitingQueryIsWokenByAnAgentTakingTheCall(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        Fixture.Script call = queued(f);
        CompletableFuture<Result> waiting = waitFor(f.center, call);
        // Wait until the request is really parked on its call, then change it.
        Thread.sleep(300);
        f.available(ALAN, "5001");
        Result r = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(CallStatus.WAITING.code(), r.returnCode());
        assertEquals("5001", r.string("Extension"));
    }

    @BothDatabases
    void aWaitWithNothingHappeningEndsWith701(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = queued(f);
        // capped by gateway.maxWaitMillis (3 s in the fixture), not by the 60 s asked for
        Result r = f.center.queryCallStatus(call.session(), call.callId(), LONG_WAIT);
        assertEquals(ReturnCode.TIMEOUT.code(), r.returnCode());
    }

    @BothDatabases
    void aCallThatIsNotQueuedAnswersAtOnceEvenWithATimeout(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "1", "2");
        assertEquals(CallStatus.IDLE.code(), f.center.queryCallStatus(call.session(), call.callId(), LONG_WAIT).returnCode());
    }

    @BothDatabases
    void aTimerFiredByTheSweeperWakesTheWaiter(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        Fixture.Script call = queued(f);
        CompletableFuture<Result> waiting = waitFor(f.center, call);
        Thread.sleep(300);
        f.advance(f.config.queue(SALES).orElseThrow().overflow().afterSeconds());
        f.center.runTimers();
        assertEquals(CallStatus.NO_ANSWER.code(), waiting.get(10, TimeUnit.SECONDS).returnCode());
    }

    @BothDatabases
    void aChangeMadeByAnotherNodeWakesTheWaiter(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        Fixture.Script call = queued(f);
        try (ContactCenter other = f.another()) {
            CompletableFuture<Result> waiting = waitFor(f.center, call);
            Thread.sleep(300);
            other.login(ALAN, "5001");
            other.changeState(ALAN, org.ivrgateway.api.AgentStatus.AVAILABLE);
            f.center.watchOtherNodes(); // what this node's sweeper does every 200 ms
            Result r = waiting.get(10, TimeUnit.SECONDS);
            assertEquals(CallStatus.WAITING.code(), r.returnCode());
        }
    }

    @BothDatabases
    void manyWaitersOnVirtualThreadsAreAllWoken(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        Fixture.Script call = queued(f);
        int waiters = 200;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Result>>();
            for (int i = 0; i < waiters; i++) {
                futures.add(pool.submit(() -> f.center.queryCallStatus(call.session(), call.callId(), LONG_WAIT)));
            }
            Thread.sleep(500);
            f.available(ALAN, "5001");
            for (var fut : futures) {
                Result r = fut.get(20, TimeUnit.SECONDS);
                assertTrue(r.returnCode() == CallStatus.WAITING.code(), "got " + r.returnCode() + " " + r.detail());
            }
        }
    }

    private static Fixture.Script queued(Fixture f) {
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        return call;
    }

    private static CompletableFuture<Result> waitFor(ContactCenter center, Fixture.Script call) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(center.queryCallStatus(call.session(), call.callId(), LONG_WAIT)));
        return result;
    }
}
