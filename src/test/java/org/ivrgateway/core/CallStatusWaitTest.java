package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

class CallStatusWaitTest {
    /**
     * The wait of the tests of a wake-up: so much longer than they wait for the answer ({@link #ANSWER_SECONDS})
     * that only a wake-up, not the end of the wait and its last read, can answer them in time.
     */
    private static final int LONG_WAIT = 120_000;
    private static final int ANSWER_SECONDS = 20;

    @BothDatabases
    void aWaitingQueryIsWokenByAnAgentTakingTheCall(TestDatabase db) throws Exception {
        Fixture f = Fixture.withWaitsOf(db, LONG_WAIT);
        Fixture.Script call = queued(f);
        CompletableFuture<Result> waiting = waitFor(f.center, call);
        // Only once the request is parked on its call does the change test the wake-up.
        awaitParked(f.center, call, 1);
        f.available(ALAN, "5001");
        Result r = waiting.get(ANSWER_SECONDS, TimeUnit.SECONDS);
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
        Fixture f = Fixture.withWaitsOf(db, LONG_WAIT);
        Fixture.Script call = queued(f);
        CompletableFuture<Result> waiting = waitFor(f.center, call);
        awaitParked(f.center, call, 1);
        f.advance(f.config.queue(SALES).orElseThrow().overflow().afterSeconds());
        f.center.runTimers();
        assertEquals(CallStatus.NO_ANSWER.code(), waiting.get(ANSWER_SECONDS, TimeUnit.SECONDS).returnCode());
    }

    @BothDatabases
    void aChangeMadeByAnotherNodeWakesTheWaiter(TestDatabase db) throws Exception {
        Fixture f = Fixture.withWaitsOf(db, LONG_WAIT);
        Fixture.Script call = queued(f);
        try (ContactCenter other = f.another()) {
            CompletableFuture<Result> waiting = waitFor(f.center, call);
            awaitParked(f.center, call, 1);
            other.login(ALAN, "5001");
            other.changeState(ALAN, org.ivrgateway.api.AgentStatus.AVAILABLE);
            f.center.watchOtherNodes(); // what this node's sweeper does every 200 ms
            Result r = waiting.get(ANSWER_SECONDS, TimeUnit.SECONDS);
            assertEquals(CallStatus.WAITING.code(), r.returnCode());
        }
    }

    @BothDatabases
    void manyWaitersOnVirtualThreadsAreAllWoken(TestDatabase db) throws Exception {
        Fixture f = Fixture.withWaitsOf(db, LONG_WAIT);
        Fixture.Script call = queued(f);
        int waiters = 200;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Result>>();
            for (int i = 0; i < waiters; i++) {
                futures.add(pool.submit(() -> f.center.queryCallStatus(call.session(), call.callId(), LONG_WAIT)));
            }
            awaitParked(f.center, call, waiters);
            f.available(ALAN, "5001");
            for (var fut : futures) {
                Result r = fut.get(ANSWER_SECONDS, TimeUnit.SECONDS);
                assertTrue(r.returnCode() == CallStatus.WAITING.code(), "got " + r.returnCode() + " " + r.detail());
            }
        }
    }

    private static Fixture.Script queued(Fixture f) {
        Fixture.Script call = f.monitored(IVR, "1", "2");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 1, null, null);
        return call;
    }

    /**
     * Returns once {@code count} requests of {@code center} are parked on the call's wake-up signal, that
     * is past their read of it; fails after 60 s (200 first reads on a loaded machine take a while; the
     * requests wait {@link #LONG_WAIT}). A change made after this can only reach them by a wake-up.
     */
    static void awaitParked(ContactCenter center, Fixture.Script call, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int parked;
        while ((parked = center.parkedWaiters(call.callId())) < count) {
            if (System.nanoTime() > deadline) fail(parked + " of " + count + " requests parked on " + call.callId());
            Thread.sleep(5);
        }
    }

    private static CompletableFuture<Result> waitFor(ContactCenter center, Fixture.Script call) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(center.queryCallStatus(call.session(), call.callId(), LONG_WAIT)));
        return result;
    }
}
